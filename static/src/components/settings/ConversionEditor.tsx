import { ErrorMessage, Label } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { TransformationConfigDto } from '../../../../src/contract';
import { inTreeOrder, isRoot } from './boxTypeTree';
import { useEditor } from './editorContext';
import { OrderedListEditor } from './OrderedListEditor';
import { PercentField } from './PercentField';
import { problemsAt } from './problemPaths';
import { SelectField } from './SelectField';

/** The stages a team goes through, the one that counts as converted, and which box type the teams are. */
export function ConversionEditor({ config }: { config: TransformationConfigDto }) {
  const { dispatch, readOnly, problems } = useEditor();
  const { stages, targetStage, teamBoxTypeId } = config.conversion;
  const stageOptions = stages.map((s, i) => ({ value: s, label: i === 0 ? `${s} (not started)` : s }));
  const target = stageOptions.find((o) => o.value.trim().toLowerCase() === targetStage.trim().toLowerCase()) ?? (targetStage ? { value: targetStage, label: `${targetStage} (not a stage)` } : null);
  const teamOptions = inTreeOrder(config.boxTypes)
    .filter((t) => !isRoot(t))
    .map((t) => ({ value: t.id, label: t.name }));
  const team = teamOptions.find((o) => o.value === teamBoxTypeId) ?? { value: teamBoxTypeId, label: `${teamBoxTypeId} (not a box type)` };
  const stageProblems = problemsAt(problems, 'conversion:stages');
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.400', '32px'), alignItems: 'flex-start' }}>
      <div role="group" aria-labelledby="conversion-stages-label" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
        <Label id="conversion-stages-label" htmlFor="conversion-stages-0">
          Stages, in order (the first means not started)
        </Label>
        <OrderedListEditor id="conversion-stages" itemLabel="Stage" items={stages} readOnly={readOnly} onEdit={(edit) => dispatch({ type: 'editStages', edit })} />
        {stageProblems.map((message) => (
          <ErrorMessage key={message}>{message}</ErrorMessage>
        ))}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
        <SelectField id="conversion-target" testId="conversion-target" label="Converted from stage" width={260} isDisabled={readOnly} options={stageOptions.slice(1)} value={target} problems={problemsAt(problems, 'conversion:targetStage')} hint="A team counts as converted at this stage or a later one." onChange={(o) => dispatch({ type: 'setTargetStage', stage: o.value })} />
        <SelectField id="conversion-team-type" testId="conversion-team-type" label="Teams are boxes of type" width={260} isDisabled={readOnly} options={teamOptions} value={team} problems={problemsAt(problems, 'conversion:teamBoxTypeId')} onChange={(o) => dispatch({ type: 'setTeamBoxType', id: o.value })} />
        <PercentField
          id="conversion-target-ratio"
          label="Target share of teams converted"
          ratio={config.conversion.targetRatio}
          placeholder="80 (default)"
          hint="Empty = the default, 80 %."
          readOnly={readOnly}
          problems={problemsAt(problems, 'conversion:targetRatio')}
          onChange={(ratio) => dispatch({ type: 'setTargetRatio', ratio })}
        />
        {problemsAt(problems, 'conversion').map((message) => (
          <ErrorMessage key={message}>{message}</ErrorMessage>
        ))}
      </div>
    </div>
  );
}
