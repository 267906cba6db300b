import Button from '@atlaskit/button/new';
import { ErrorMessage, Fieldset } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { RiskBandDto, RiskBandScaleDto } from '../../../../src/contract';
import { bandStyle } from '../risks/bandStyle';
import { useEditor } from './editorContext';
import { BAND_COLORS, BAND_LABELS, BAND_NAMES } from './labels';
import { problemsAt } from './problemPaths';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const names = BAND_NAMES.map((n) => ({ value: n, label: BAND_LABELS[n] }));
const colors = BAND_COLORS.map((c) => ({ value: c.token, label: c.label }));

function Swatch({ color, name }: { color: string; name: RiskBandDto }) {
  const style = bandStyle(name, [{ name, min: 1, color }]);
  return <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, marginInlineEnd: 6, verticalAlign: 'middle', borderRadius: 3, background: token(style.background as never, style.backgroundFallback), border: `1px solid ${token('color.border', '#091E4224')}` }} />;
}

/** The score bands: name, lowest score, colour; ordered upward from score 1. */
export function RiskBandsEditor({ bands }: { bands: readonly RiskBandScaleDto[] }) {
  const { dispatch, readOnly, problems } = useEditor();
  return (
    <Fieldset legend="Bands (score = likelihood × impact, 1 to 25)">
      <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
        {bands.map((band, index) => {
          const key = `riskScale:bands:${index}`;
          const id = `risk-band-${index}`;
          const color = colors.find((c) => c.value === band.color) ?? { value: band.color, label: band.color };
          return (
            <li key={index} data-testid={id} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'flex-end' }}>
              <SelectField id={`${id}-name`} label={`Band ${index + 1}`} width={130} isDisabled={readOnly} options={names} value={names.find((n) => n.value === band.name) ?? null} problems={problemsAt(problems, `${key}:name`)} onChange={(o) => dispatch({ type: 'setBand', index, change: { name: o.value } })} />
              <TextField id={`${id}-min`} testId={`${id}-min`} label="From score" width={90} readOnly={readOnly} value={String(band.min)} problems={problemsAt(problems, `${key}:min`)} onChange={(text) => /^\d{1,2}$/.test(text) && dispatch({ type: 'setBand', index, change: { min: Number(text) } })} />
              <SelectField id={`${id}-color`} label="Colour" width={190} isDisabled={readOnly} options={colors} value={color} problems={problemsAt(problems, `${key}:color`)} formatOptionLabel={(o) => (<span><Swatch color={o.value} name={band.name} />{o.label}</span>)} onChange={(o) => dispatch({ type: 'setBand', index, change: { color: o.value } })} />
              {!readOnly && bands.length > 1 && (
                <Button spacing="compact" appearance="subtle" aria-label={`Remove band ${index + 1} (${BAND_LABELS[band.name]})`} onClick={() => dispatch({ type: 'removeBand', index })}>
                  Remove
                </Button>
              )}
              {problemsAt(problems, key).map((message) => (
                <ErrorMessage key={message}>{message}</ErrorMessage>
              ))}
            </li>
          );
        })}
      </ol>
      {!readOnly && bands.length < BAND_NAMES.length && (
        <Button spacing="compact" testId="risk-band-add" onClick={() => dispatch({ type: 'addBand' })}>
          Add band
        </Button>
      )}
      {problemsAt(problems, 'riskScale:bands').concat(problemsAt(problems, 'riskScale')).map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </Fieldset>
  );
}
