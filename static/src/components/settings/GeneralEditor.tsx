import { token } from '@atlaskit/tokens';
import type { TransformationConfigDto } from '../../../../src/contract';
import { useEditor } from './editorContext';
import { parseList } from './labels';
import { problemsAt, problemsUnder } from './problemPaths';
import { ListField, TextField } from './TextField';

/** The transformation's name and which issue types are risks and milestones. */
export function GeneralEditor({ config }: { config: TransformationConfigDto }) {
  const { dispatch, readOnly, problems } = useEditor();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
      <TextField id="settings-name" testId="settings-name" label="Transformation name" width={320} readOnly={readOnly} value={config.name} problems={problemsAt(problems, 'name')} onChange={(name) => dispatch({ type: 'setName', name })} />
      <ListField
        id="settings-risk-issue-types"
        testId="settings-risk-issue-types"
        label="Risk issue types"
        hint="Comma-separated; issues of these types are risks"
        width={260}
        readOnly={readOnly}
        values={config.riskIssueTypes}
        parse={parseList}
        problems={problemsUnder(problems, 'riskIssueTypes')}
        onChange={(values) => dispatch({ type: 'setIssueTypes', list: 'riskIssueTypes', values })}
      />
      <ListField
        id="settings-milestone-issue-types"
        testId="settings-milestone-issue-types"
        label="Milestone issue types"
        hint="Comma-separated; issues of these types are milestones"
        width={260}
        readOnly={readOnly}
        values={config.milestoneIssueTypes}
        parse={parseList}
        problems={problemsUnder(problems, 'milestoneIssueTypes')}
        onChange={(values) => dispatch({ type: 'setIssueTypes', list: 'milestoneIssueTypes', values })}
      />
    </div>
  );
}
