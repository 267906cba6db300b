import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { ErrorState, Loading } from '../components/PanelState';
import { SettingsEditor } from '../components/settings/SettingsEditor';
import { useSettingsData } from '../components/settings/useSettingsData';

/** The admin page: the app's configuration — box types, field mapping, conversion, risk scale — and its import and export. */
export function SettingsPage() {
  const data = useSettingsData();
  return (
    <div data-testid="settings-page" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), maxWidth: 1200 }}>
      <Heading size="large" as="h2">
        Transformation Office settings
      </Heading>
      {data.state === 'loading' && <Loading label="Loading the settings…" />}
      {data.state === 'error' && <ErrorState title="The settings could not be loaded" message={data.message} onRetry={data.retry} />}
      {data.state === 'ready' && <SettingsEditor settings={data.settings} fields={data.fields} reload={data.reload} applySaved={data.applySaved} />}
    </div>
  );
}
