import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ListEdit } from './listEdit';

interface Props {
  id: string;
  /** e.g. "Stage": labels read "Stage 2", "Move stage 2 up". */
  itemLabel: string;
  items: readonly string[];
  onEdit: (edit: ListEdit) => void;
  readOnly: boolean;
}

/** An ordered list of texts: rename in place, move up or down, remove, add at the end. */
export function OrderedListEditor({ id, itemLabel, items, onEdit, readOnly }: Props) {
  const [adding, setAdding] = useState('');
  const lower = itemLabel.toLowerCase();
  const add = () => {
    if (!adding.trim()) return;
    onEdit({ op: 'add', value: adding });
    setAdding('');
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
      <ol data-testid={id} style={{ margin: 0, paddingInlineStart: token('space.300', '24px'), display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
        {items.map((item, index) => (
          <li key={index}>
            <div style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'center' }}>
              <div style={{ width: 220 }}>
                <Textfield id={`${id}-${index}`} aria-label={`${itemLabel} ${index + 1}`} testId={`${id}-${index}`} isCompact isReadOnly={readOnly} value={item} onChange={(e) => onEdit({ op: 'rename', index, value: e.currentTarget.value })} />
              </div>
              {!readOnly && (
                <>
                  <Button spacing="compact" aria-label={`Move ${lower} ${index + 1} up`} isDisabled={index === 0} onClick={() => onEdit({ op: 'move', index, direction: -1 })}>
                    Up
                  </Button>
                  <Button spacing="compact" aria-label={`Move ${lower} ${index + 1} down`} isDisabled={index === items.length - 1} onClick={() => onEdit({ op: 'move', index, direction: 1 })}>
                    Down
                  </Button>
                  <Button spacing="compact" appearance="subtle" aria-label={`Remove ${lower} ${index + 1} (${item})`} onClick={() => onEdit({ op: 'remove', index })}>
                    Remove
                  </Button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'center', paddingInlineStart: token('space.300', '24px') }}>
          <div style={{ width: 220 }}>
            <Textfield aria-label={`New ${lower}`} placeholder={`New ${lower}`} testId={`${id}-new`} isCompact value={adding} onChange={(e) => setAdding(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
          </div>
          <Button spacing="compact" testId={`${id}-add`} isDisabled={!adding.trim()} onClick={add}>
            Add {lower}
          </Button>
        </div>
      )}
    </div>
  );
}
