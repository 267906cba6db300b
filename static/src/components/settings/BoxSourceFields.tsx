import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { BoxSourceDto, BoxTypeDto } from '../../../../src/contract';
import { useEditor } from './editorContext';
import { FieldBlock } from './FieldBlock';
import { parseList } from './labels';
import { problemsUnder } from './problemPaths';
import { SelectField } from './SelectField';
import { SOURCE_KINDS, sourceOfKind, sourceWarning } from './sourceEdit';
import { ListField, TextField } from './TextField';

const projectKeys = (text: string) => parseList(text).map((k) => k.toUpperCase());
const PROJECTS_HINT = 'Project keys, comma-separated; empty = all projects';

/** How the type's boxes are found in Jira: the kind of source, then what that kind needs. */
export function BoxSourceFields({ type, parent }: { type: BoxTypeDto; parent: BoxTypeDto | null }) {
  const { dispatch, readOnly, problems } = useEditor();
  const { source } = type;
  if (source.kind === 'root') return null;
  const id = type.id;
  const messages = problemsUnder(problems, `boxType:${id}:source`);
  const set = (next: BoxSourceDto) => dispatch({ type: 'setSource', id, source: next });
  const warning = sourceWarning(type, parent);
  const common = { readOnly, problems: messages };
  return (
    <div role="group" aria-label={`How ${type.name} boxes are found`} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px') }}>
      <SelectField id={`box-type-source-${id}`} testId={`box-type-source-${id}`} label="Boxes are" width={250} isDisabled={readOnly} options={SOURCE_KINDS} value={SOURCE_KINDS.find((k) => k.value === source.kind) ?? null} onChange={(o) => set(sourceOfKind(o.value, source, type.name))} />
      {source.kind === 'issueType' && (
        <>
          <TextField id={`box-type-issue-type-${id}`} testId={`box-type-issue-type-${id}`} label="Issue type" width={160} value={source.issueType} onChange={(issueType) => set({ ...source, issueType })} {...common} />
          <ListField id={`box-type-projects-${id}`} testId={`box-type-projects-${id}`} label="Only in projects" hint={PROJECTS_HINT} width={200} readOnly={readOnly} values={source.projectKeys ?? []} parse={projectKeys} onChange={(list) => set(list.length > 0 ? { kind: 'issueType', issueType: source.issueType, projectKeys: list } : { kind: 'issueType', issueType: source.issueType })} />
        </>
      )}
      {source.kind === 'parentLink' && (
        <ListField id={`box-type-issue-types-${id}`} testId={`box-type-issue-types-${id}`} label="Only issues of types" hint="Comma-separated; empty = any child issue (risks and milestones never)" width={260} values={source.issueTypes ?? []} parse={parseList} onChange={(list) => set(list.length > 0 ? { kind: 'parentLink', issueTypes: list } : { kind: 'parentLink' })} {...common} />
      )}
      {source.kind === 'project' && (
        <ListField id={`box-type-projects-${id}`} testId={`box-type-projects-${id}`} label="Only projects" hint={PROJECTS_HINT} width={220} values={source.projectKeys ?? []} parse={projectKeys} onChange={(list) => set(list.length > 0 ? { kind: 'project', projectKeys: list } : { kind: 'project' })} {...common} />
      )}
      {source.kind === 'jql' && (
        <FieldBlock id={`box-type-jql-${id}`} label="JQL" problems={messages} hint="Run as the person viewing the page; every issue it finds is a box." width={360}>
          {(a11y) => (
            <TextArea id={a11y.id} aria-describedby={a11y['aria-describedby']} isInvalid={a11y.isInvalid} testId={`box-type-jql-${id}`} isReadOnly={readOnly} isMonospaced minimumRows={2} maxHeight="160px" value={source.jql} onChange={(e) => set({ kind: 'jql', jql: e.currentTarget.value })} />
          )}
        </FieldBlock>
      )}
      {warning && (
        <p data-testid={`box-type-source-warning-${id}`} style={{ margin: 0, flexBasis: '100%', color: token('color.text.warning', '#A54800') }}>
          {warning}
        </p>
      )}
    </div>
  );
}
