import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { TransformationConfigDto } from '../../../../src/contract';
import { BoxSourceFields } from './BoxSourceFields';
import { isRoot, parentChoices, type TreeRow } from './boxTypeTree';
import { useEditor } from './editorContext';
import { PROGRESS_LABELS, PROGRESS_METHODS } from './labels';
import { problemsAt } from './problemPaths';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { ToolsetChecks } from './ToolsetChecks';

const field = { display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px'), alignItems: 'flex-start' } as const;

/** One box type: name, order among its siblings, parent, how its boxes are found, progress method and toolset. */
export function BoxTypeRow({ row, config, onDelete }: { row: TreeRow; config: TransformationConfigDto; onDelete: () => void }) {
  const { dispatch, readOnly, problems } = useEditor();
  const { type, depth, siblingIndex, siblingCount } = row;
  const root = isRoot(type);
  const key = `boxType:${type.id}`;
  const parents = parentChoices(config.boxTypes, type.id).map((t) => ({ value: t.id, label: t.name }));
  const methods = PROGRESS_METHODS.map((m) => ({ value: m, label: PROGRESS_LABELS[m] }));
  const rowProblems = [...problemsAt(problems, key), ...problemsAt(problems, `${key}:id`)];
  const isTeam = config.conversion.teamBoxTypeId === type.id;
  return (
    <li
      data-testid={`box-type-${type.id}`}
      aria-label={`${type.name}, level ${depth + 1}`}
      style={{
        marginInlineStart: `calc(${depth} * ${token('space.300', '24px')})`,
        padding: token('space.150', '12px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderInlineStart: `3px solid ${token(root ? 'color.border.brand' : 'color.border.bold', '#758195')}`,
        borderRadius: token('radius.small', '4px'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100', '8px'),
      }}
    >
      <div style={{ ...field, alignItems: 'flex-end' }}>
        <TextField id={`box-type-name-${type.id}`} testId={`box-type-name-${type.id}`} label="Name" value={type.name} readOnly={readOnly} width={220} problems={problemsAt(problems, `${key}:name`)} onChange={(name) => dispatch({ type: 'renameBoxType', id: type.id, name })} />
        <span style={{ color: token('color.text.subtlest', '#626F86'), paddingBottom: token('space.075', '6px') }}>
          id <code>{type.id}</code> {root && <Lozenge appearance="new">top</Lozenge>} {isTeam && <Lozenge appearance="inprogress">teams</Lozenge>}
        </span>
        {!readOnly && !root && (
          <div role="group" aria-label={`Order and delete ${type.name}`} style={{ display: 'flex', gap: token('space.050', '4px'), marginInlineStart: 'auto' }}>
            <Button spacing="compact" testId={`box-type-up-${type.id}`} aria-label={`Move ${type.name} up`} isDisabled={siblingIndex <= 0} onClick={() => dispatch({ type: 'moveBoxType', id: type.id, direction: -1 })}>
              Move up
            </Button>
            <Button spacing="compact" testId={`box-type-down-${type.id}`} aria-label={`Move ${type.name} down`} isDisabled={siblingIndex >= siblingCount - 1} onClick={() => dispatch({ type: 'moveBoxType', id: type.id, direction: 1 })}>
              Move down
            </Button>
            <Button spacing="compact" appearance="subtle" testId={`box-type-delete-${type.id}`} aria-label={`Delete ${type.name}`} onClick={onDelete}>
              Delete
            </Button>
          </div>
        )}
      </div>
      <div style={field}>
        {root ? (
          <p style={{ margin: 0, maxWidth: 220, color: token('color.text.subtle', '#44546F') }}>The transformation itself: the one box at the top. It cannot be deleted or moved under another type.</p>
        ) : (
          <SelectField id={`box-type-parent-${type.id}`} testId={`box-type-parent-${type.id}`} label="Parent type" width={200} isDisabled={readOnly} options={parents} value={parents.find((p) => p.value === type.parentTypeId) ?? null} problems={problemsAt(problems, `${key}:parentTypeId`)} onChange={(o) => dispatch({ type: 'setParent', id: type.id, parentTypeId: o.value })} />
        )}
        <BoxSourceFields type={type} parent={config.boxTypes.find((t) => t.id === type.parentTypeId) ?? null} />
        <SelectField id={`box-type-progress-${type.id}`} testId={`box-type-progress-${type.id}`} label="Progress method" width={200} isDisabled={readOnly} options={methods} value={methods.find((m) => m.value === type.progressMethod) ?? null} problems={problemsAt(problems, `${key}:progressMethod`)} onChange={(o) => dispatch({ type: 'setProgressMethod', id: type.id, method: o.value })} />
      </div>
      <ToolsetChecks type={type} />
      {rowProblems.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </li>
  );
}
