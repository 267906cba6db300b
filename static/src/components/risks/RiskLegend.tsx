import { token } from '@atlaskit/tokens';
import type { RiskBandScaleDto } from '../../../../src/contract';
import { bandStyle } from './bandStyle';
import { bandName, bandRanges } from './riskMatrix';

/** The bands with their colours and score ranges ("Low 1–4"). */
export function RiskLegend({ bands }: { bands: RiskBandScaleDto[] }) {
  return (
    <ul aria-label="Risk bands" data-testid="risk-legend" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px'), listStyle: 'none', padding: 0, margin: 0 }}>
      {bandRanges(bands).map(({ band, min, max }) => {
        const style = bandStyle(band.name, bands);
        return (
          <li key={band.name} style={{ display: 'flex', alignItems: 'center', gap: token('space.075', '6px'), margin: 0 }}>
            <span
              aria-hidden
              style={{
                width: 16,
                height: 16,
                borderRadius: token('radius.small', '4px'),
                background: token(style.background as never, style.backgroundFallback),
                border: `1px solid ${token('color.border', '#091E4224')}`,
              }}
            />
            <span>
              {bandName(band.name)} <span style={{ color: token('color.text.subtlest', '#626F86') }}>{min === max ? min : `${min}–${max}`}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
