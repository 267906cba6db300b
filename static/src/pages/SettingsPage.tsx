import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';

/** Admins will shape box types, field mapping and progress methods here. */
export function SettingsPage() {
  return (
    <div>
      <Heading size="large" as="h2">
        Transformation Office settings
      </Heading>
      <SectionMessage appearance="information" title="The app uses its default configuration">
        <p>Editing box types, the field mapping and progress methods is not available in this version yet.</p>
      </SectionMessage>
    </div>
  );
}
