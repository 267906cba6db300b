import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Conflict, Notice } from './useSettingsEditor';

interface Props {
  readOnly: boolean;
  changes: string[];
  saving: boolean;
  onSave: () => void;
  notice: Notice | null;
  conflict: Conflict | null;
  reloading: boolean;
  onReload: () => void;
  onDownloadMine: () => void;
}

/** Unsaved changes, the Save button, and what the last save brought: the new revision, a failure, or a conflict. */
export function SaveBar({ readOnly, changes, saving, onSave, notice, conflict, reloading, onReload, onDownloadMine }: Props) {
  const dirty = changes.length > 0;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      {!readOnly && (
        <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100', '8px') }}>
          <Button appearance="primary" testId="settings-save" isDisabled={!dirty || saving} isLoading={saving} onClick={onSave}>
            Save settings
          </Button>
          <span role="status" aria-live="polite" data-testid="settings-dirty">
            {dirty ? (
              <>
                <Lozenge appearance="moved">Unsaved changes</Lozenge> <span style={{ color: token('color.text.subtle', '#44546F') }}>in {changes.join(', ')}</span>
              </>
            ) : (
              <span style={{ color: token('color.text.subtlest', '#626F86') }}>No unsaved changes</span>
            )}
          </span>
        </div>
      )}
      {notice && (
        <SectionMessage appearance={notice.kind === 'saved' ? 'success' : notice.kind === 'error' ? 'error' : 'information'} testId={notice.kind === 'saved' ? 'settings-saved' : 'settings-notice'}>
          <p role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</p>
        </SectionMessage>
      )}
      {conflict && (
        <SectionMessage appearance="warning" title="Someone else saved the settings meanwhile" testId="settings-conflict">
          <p role="alert">{conflict.message}</p>
          <p>Your changes were not saved and nothing was overwritten. Reloading shows their settings and discards your edits here; download yours first to keep them.</p>
          <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
            <Button appearance="primary" testId="settings-conflict-reload" isLoading={reloading} onClick={onReload}>
              Reload their changes
            </Button>
            <Button testId="settings-conflict-download" onClick={onDownloadMine}>
              Download my version
            </Button>
          </div>
        </SectionMessage>
      )}
    </div>
  );
}
