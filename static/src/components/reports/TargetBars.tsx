import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { ValueByBoxDto } from '../../../../src/contract/reports';
import { barLength } from './charts';
import { numberText, percentText } from './format';
import { Legend } from './Legend';

const W = 720;
const ROW = 40;
const LABEL = 200;
const BAR = 420;
const text = { fill: token('color.text', '#172B4D'), fontSize: 12 };
const TARGET = token('color.chart.neutral', '#8590A2');
const REALISED = token('color.chart.success.bold', '#1F845A');
const short = (name: string) => (name.length > 28 ? `${name.slice(0, 27)}…` : name);

/** Target and realised value per workstream as a pair of bars, with the realised share beside them. */
export function TargetBars({ rows }: { rows: ValueByBoxDto[] }) {
  const id = useId();
  const max = Math.max(0, ...rows.flatMap((r) => [r.target, r.realised]));
  const height = rows.length * ROW + 8;
  const desc = rows.map((r) => `${r.name}: ${numberText(r.realised)} of ${numberText(r.target)} realised (${percentText(r.ratio)})`).join('; ');
  return (
    <figure data-testid="report-value-targets" className="report-block" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: W, display: 'block' }}>
        <title id={`${id}-t`}>Target vs realised value by workstream</title>
        <desc id={`${id}-d`}>{desc || 'No workstreams.'}</desc>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          return (
            <g key={r.boxId}>
              <title>{`${r.name}: target ${numberText(r.target)}, realised ${numberText(r.realised)} (${percentText(r.ratio)})`}</title>
              <text x={0} y={y + 20} style={text}>
                {short(r.name)}
              </text>
              <rect x={LABEL} y={y + 4} height={12} width={barLength(r.target, max, BAR)} fill={TARGET} />
              <rect x={LABEL} y={y + 18} height={12} width={barLength(r.realised, max, BAR)} fill={REALISED} />
              <text x={LABEL + BAR + 12} y={y + 20} style={{ ...text, fontWeight: 'bold' }}>
                {percentText(r.ratio)}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend
        items={[
          { name: 'Target (upper bar)', color: TARGET, mark: 'box' },
          { name: 'Realised (lower bar), with its share of the target', color: REALISED, mark: 'box' },
        ]}
      />
      <VisuallyHidden>
        <table>
          <caption>Target vs realised value by workstream</caption>
          <thead>
            <tr>
              <th scope="col">Workstream</th>
              <th scope="col">Target</th>
              <th scope="col">Realised</th>
              <th scope="col">Share realised</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.boxId}>
                <th scope="row">{r.name}</th>
                <td>{numberText(r.target)}</td>
                <td>{numberText(r.realised)}</td>
                <td>{percentText(r.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
