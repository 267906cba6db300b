import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { SettingsDto } from '../../../../src/contract';
import { savedAtText } from './labels';

/** Where the settings in force come from: revision, who saved them and when, and anything wrong with what is stored. */
export function SettingsStatus({ settings }: { settings: SettingsDto }) {
  const { revision, source, problem, updatedAt, updatedBy, migratedFrom, canEdit } = settings;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <p data-testid="settings-revision" style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
        {revision === 0 ? (
          'No settings have been saved yet: the app uses its defaults (revision 0).'
        ) : (
          <>
            Revision {revision}
            {updatedAt && <>, saved {savedAtText(updatedAt)}</>}
            {updatedBy && (
              <>
                {' '}
                by <span data-testid="settings-updated-by">{updatedBy}</span>
              </>
            )}
            {source === 'default' && ' (not in use)'}.
          </>
        )}
      </p>
      {source === 'default' && problem && (
        <SectionMessage appearance="warning" title="The stored settings could not be used" testId="settings-stored-problem">
          <p>{problem}</p>
          <p>Every page uses the default settings shown below until an administrator saves valid settings.</p>
        </SectionMessage>
      )}
      {migratedFrom !== null && (
        <SectionMessage appearance="information" testId="settings-migrated">
          <p>
            These settings were stored in an older format (schema version {migratedFrom}) and have been upgraded for this page. They are stored in the
            current format the next time they are saved.
          </p>
        </SectionMessage>
      )}
      {!canEdit && (
        <SectionMessage appearance="information" title="Read-only" testId="settings-read-only">
          <p>Only Jira administrators can change these settings.</p>
        </SectionMessage>
      )}
    </div>
  );
}
