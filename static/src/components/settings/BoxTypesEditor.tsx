import { ErrorMessage } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { BoxTypeDto } from '../../../../src/contract';
import { AddBoxTypeForm } from './AddBoxTypeForm';
import { deleteImpact } from './boxTypeEdits';
import { treeRows } from './boxTypeTree';
import { BoxTypeRow } from './BoxTypeRow';
import { DeleteBoxTypeDialog } from './DeleteBoxTypeDialog';
import { useEditor } from './editorContext';
import { problemsAt } from './problemPaths';
import type { TransformationConfigDto } from '../../../../src/contract';

/** The box types in tree order, each editable, with adding and a confirmed delete. */
export function BoxTypesEditor({ config }: { config: TransformationConfigDto }) {
  const { dispatch, problems } = useEditor();
  const [deleting, setDeleting] = useState<string | null>(null);
  const impact = deleting ? deleteImpact(config, deleting) : null;
  const rows = treeRows(config.boxTypes);
  const sectionProblems = problemsAt(problems, 'boxTypes');
  const confirmDelete = (type: BoxTypeDto) => {
    dispatch({ type: 'deleteBoxType', id: type.id });
    setDeleting(null);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
      {sectionProblems.length > 0 && (
        <div data-testid="box-types-problems">
          {sectionProblems.map((message) => (
            <ErrorMessage key={message}>{message}</ErrorMessage>
          ))}
        </div>
      )}
      <ol aria-label="Box types, top to bottom" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
        {rows.map((row) => (
          <BoxTypeRow key={row.type.id} row={row} config={config} onDelete={() => setDeleting(row.type.id)} />
        ))}
      </ol>
      <AddBoxTypeForm types={config.boxTypes} />
      {impact && <DeleteBoxTypeDialog impact={impact} onConfirm={() => confirmDelete(impact.type)} onCancel={() => setDeleting(null)} />}
    </div>
  );
}
