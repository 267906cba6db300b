import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { BoxTypeDto } from '../../../../src/contract';
import { inTreeOrder } from './boxTypeTree';
import { useEditor } from './editorContext';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** A new box type: its name (also the issue type that finds its boxes, until changed) and its parent. */
export function AddBoxTypeForm({ types }: { types: readonly BoxTypeDto[] }) {
  const { dispatch, readOnly } = useEditor();
  const [name, setName] = useState('');
  const ordered = inTreeOrder(types);
  const [parentId, setParentId] = useState<string>(ordered.at(-1)?.id ?? '');
  const options = ordered.map((t) => ({ value: t.id, label: t.name }));
  const parent = options.find((o) => o.value === parentId) ?? options[0] ?? null;
  if (readOnly) return null;
  const add = () => {
    if (!name.trim() || !parent) return;
    dispatch({ type: 'addBoxType', name, parentTypeId: parent.value });
    setName('');
  };
  return (
    <form
      aria-label="Add a box type"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: token('space.100', '8px') }}
    >
      <TextField id="settings-new-box-type-name" testId="settings-new-box-type-name" label="New box type name" value={name} onChange={setName} readOnly={false} width={240} placeholder="e.g. Squad" />
      <SelectField id="settings-new-box-type-parent" testId="settings-new-box-type-parent" label="Under" options={options} value={parent} onChange={(o) => setParentId(o.value)} width={220} />
      <Button type="submit" testId="settings-add-box-type" isDisabled={!name.trim() || !parent}>
        Add box type
      </Button>
    </form>
  );
}
