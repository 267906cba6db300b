import { Fieldset } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { RiskScaleDto } from '../../../../src/contract';
import { useEditor } from './editorContext';
import { problemsAt } from './problemPaths';
import { RiskBandsEditor } from './RiskBandsEditor';
import { RiskScalePreview } from './RiskScalePreview';
import { TextField } from './TextField';

function LevelLabels({ scale, labels }: { scale: 'likelihood' | 'impact'; labels: readonly string[] }) {
  const { dispatch, readOnly, problems } = useEditor();
  const key = scale === 'likelihood' ? 'likelihoodLabels' : 'impactLabels';
  const title = scale === 'likelihood' ? 'Likelihood' : 'Impact';
  return (
    <Fieldset legend={`${title} levels, 1 (lowest) to 5`}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
        {labels.map((label, index) => (
          <TextField
            key={index}
            id={`risk-${scale}-label-${index + 1}`}
            testId={`risk-${scale}-label-${index + 1}`}
            label={`${title} ${index + 1}`}
            value={label}
            readOnly={readOnly}
            width={200}
            problems={problemsAt(problems, `riskScale:${key}:${index}`)}
            onChange={(text) => dispatch({ type: 'setLevelLabel', scale, index, label: text })}
          />
        ))}
        {problemsAt(problems, `riskScale:${key}`).map((message) => (
          <span key={message} style={{ color: token('color.text.danger', '#AE2E24') }}>
            {message}
          </span>
        ))}
      </div>
    </Fieldset>
  );
}

/** The labels of the 5 likelihood and impact levels, the score bands, and how the matrix will look. */
export function RiskScaleEditor({ scale }: { scale: RiskScaleDto }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.400', '32px'), alignItems: 'flex-start' }}>
      <LevelLabels scale="likelihood" labels={scale.likelihoodLabels} />
      <LevelLabels scale="impact" labels={scale.impactLabels} />
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
        <RiskBandsEditor bands={scale.bands} />
        <RiskScalePreview scale={scale} />
      </div>
    </div>
  );
}
