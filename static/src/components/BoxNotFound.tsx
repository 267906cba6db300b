import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { useOpenBox } from '../navigation/openBox';

/** A link to a box this page cannot show (deleted, outside its project, or not the viewer's to browse): say so, and lead back. */
export function BoxNotFound({ message }: { message: string }) {
  const open = useOpenBox();
  return (
    <SectionMessage appearance="warning" title="This box cannot be shown here">
      <p data-testid="error-message">{message}</p>
      {open && (
        <Button testId="box-not-found-home" onClick={() => open(null)}>
          Back to the page
        </Button>
      )}
    </SectionMessage>
  );
}
