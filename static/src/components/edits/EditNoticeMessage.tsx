import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { EditNotice } from './editNotice';

const APPEARANCE = { done: 'success', undone: 'information', conflict: 'warning', failed: 'error' } as const;
const TITLE = { done: 'Saved in Jira', undone: 'Undone in Jira', conflict: 'Changed in Jira meanwhile', failed: 'Not saved' } as const;

/** The message after a write, fixed at the bottom of the page so it shows wherever the user is; Undo works once. */
export function EditNoticeMessage({ notice, onUndo, onDismiss }: { notice: EditNotice; onUndo: () => void; onDismiss: () => void }) {
  const undo = notice.kind === 'done' ? notice.undo : null;
  return (
    <div
      role={notice.kind === 'failed' || notice.kind === 'conflict' ? 'alert' : 'status'}
      data-testid="edit-notice"
      data-kind={notice.kind}
      style={{ position: 'fixed', insetInlineStart: token('space.200', '16px'), insetBlockEnd: token('space.200', '16px'), zIndex: 600, maxWidth: 560, background: token('elevation.surface.overlay', '#FFFFFF'), boxShadow: token('elevation.shadow.overlay', '0 8px 12px rgba(9,30,66,0.15)'), borderRadius: 4 }}
    >
      <SectionMessage appearance={APPEARANCE[notice.kind]} title={TITLE[notice.kind]}>
        <p data-testid="edit-notice-text">{notice.text}</p>
        <div style={{ display: 'flex', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
          {undo && (
            <Button
              testId="edit-undo"
              onClick={() => {
                onUndo();
                undo();
              }}
            >
              Undo
            </Button>
          )}
          <Button appearance="subtle" testId="edit-notice-dismiss" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      </SectionMessage>
    </div>
  );
}
