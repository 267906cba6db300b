import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { FlowItemKindDto, FlowMeasuresDto } from '../../../../src/contract/reports';
import { stackSegments } from './charts';
import { distributionParts } from './flow';
import { percentText } from './format';
import { Legend } from './Legend';

const W = 720;
const H = 28;
export const KIND_COLORS: Record<FlowItemKindDto, string> = {
  feature: token('color.chart.blue.bold', '#388BFF'),
  defect: token('color.chart.red.bold', '#F15B50'),
  risk: token('color.chart.orange.bold', '#FAA53D'),
  debt: token('color.chart.purple.bold', '#9F8FEF'),
};

/** Flow distribution: the items finished, by kind, as one stacked bar. */
export function DistributionBar({ measures }: { measures: FlowMeasuresDto }) {
  const id = useId();
  const parts = distributionParts(measures);
  const segments = stackSegments(parts.map((p) => p.count), W);
  const words = parts.map((p) => `${p.label} ${p.count} (${percentText(p.ratio)})`);
  return (
    <figure data-testid="report-flow-distribution" className="report-block" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: W, display: 'block' }}>
        <title id={`${id}-t`}>Flow distribution of the items finished</title>
        <desc id={`${id}-d`}>{measures.velocity === 0 ? 'No items finished in the period.' : `${words.join(', ')}.`}</desc>
        <rect x="0" y="0" width={W} height={H} fill={token('color.background.neutral', '#091E420F')} />
        {parts.map((p, i) => {
          const s = segments[i];
          return s && s.width > 0 ? (
            <rect key={p.kind} x={s.x} y="0" width={s.width} height={H} fill={KIND_COLORS[p.kind]}>
              <title>{words[i]}</title>
            </rect>
          ) : null;
        })}
      </svg>
      <Legend items={parts.map((p, i) => ({ name: words[i] ?? p.label, color: KIND_COLORS[p.kind], mark: 'box' }))} />
      <VisuallyHidden>
        <table>
          <caption>Flow distribution</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Items finished</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.kind}>
                <th scope="row">{p.label}</th>
                <td>{p.count}</td>
                <td>{percentText(p.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
