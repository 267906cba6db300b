import { token } from '@atlaskit/tokens';
import type { RiskScaleDto } from '../../../../src/contract';
import { bandStyle } from '../risks/bandStyle';
import { bandOf, bandRanges, LEVELS } from '../risks/riskMatrix';
import { BAND_LABELS } from './labels';

const cell = { width: 28, height: 24, textAlign: 'center', font: token('font.body.small', '12px') } as const;

/** The 5 × 5 matrix coloured by the bands being edited, and each band's score range. */
export function RiskScalePreview({ scale }: { scale: RiskScaleDto }) {
  const { bands, likelihoodLabels, impactLabels } = scale;
  return (
    <figure data-testid="risk-scale-preview" style={{ margin: 0 }}>
      <figcaption style={{ color: token('color.text.subtle', '#44546F'), marginBottom: token('space.050', '4px') }}>Preview: likelihood (rows, 5 at the top) × impact (columns)</figcaption>
      <table style={{ borderCollapse: 'separate', borderSpacing: 2 }}>
        <tbody>
          {[...LEVELS].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row" title={likelihoodLabels[likelihood - 1]} style={{ ...cell, width: 'auto', textAlign: 'end', fontWeight: 'normal', paddingInlineEnd: 6 }}>
                {likelihoodLabels[likelihood - 1]}
              </th>
              {LEVELS.map((impact) => {
                const score = likelihood * impact;
                const band = bandOf(score, bands);
                const style = bandStyle(band, bands);
                return (
                  <td key={impact} title={`${likelihoodLabels[likelihood - 1]} × ${impactLabels[impact - 1]} = ${score}, ${BAND_LABELS[band]}`} style={{ ...cell, background: token(style.background as never, style.backgroundFallback), color: token(style.text, style.textFallback), borderRadius: 3 }}>
                    {score}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ margin: `${token('space.050', '4px')} 0 0`, color: token('color.text.subtlest', '#626F86') }}>
        {bandRanges(bands)
          .map(({ band, min, max }) => `${BAND_LABELS[band.name]} ${min === max ? min : `${min}–${max}`}`)
          .join(' · ')}
      </p>
    </figure>
  );
}
