import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import type { DeleteImpact } from './boxTypeEdits';

/** Asks before deleting a box type, saying what else the delete changes. Nothing is stored until Save. */
export function DeleteBoxTypeDialog({ impact, onConfirm, onCancel }: { impact: DeleteImpact; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ModalTransition>
      <Modal onClose={onCancel} testId="delete-box-type-dialog" width="medium">
        <ModalHeader>
          <ModalTitle appearance="warning">Delete the box type “{impact.type.name}”?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <ul data-testid="delete-box-type-impact">
            {impact.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>The change is kept only when you save the settings.</p>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onCancel} testId="delete-box-type-cancel">
            Cancel
          </Button>
          <Button appearance="warning" onClick={onConfirm} testId="delete-box-type-confirm">
            Delete box type
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
