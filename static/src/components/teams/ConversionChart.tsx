import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { ConversionPointDto } from '../../../../src/contract';
import { chartGeometry, percentText, type ChartBox } from './chartScale';

const BOX: ChartBox = { width: 720, height: 260, margin: { top: 16, right: 24, bottom: 40, left: 48 } };
const text = { fill: token('color.text.subtlest', '#626F86'), fontSize: 11 };
const pointTitle = (p: ConversionPointDto) => `Week ending ${p.date}: ${p.converted} of ${p.total} teams converted (${percentText(p.ratio)})`;

function DataTable({ history }: { history: ConversionPointDto[] }) {
  return (
    <VisuallyHidden>
      <table>
        <caption>Teams converted by week</caption>
        <thead>
          <tr>
            <th scope="col">Week ending</th>
            <th scope="col">Converted</th>
            <th scope="col">Teams</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {history.map((p) => (
            <tr key={p.date}>
              <td>{p.date}</td>
              <td>{p.converted}</td>
              <td>{p.total}</td>
              <td>{percentText(p.ratio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}

/** Teams converted over time as a step line by week, with the target as a dashed line. */
export function ConversionChart({ history, targetRatio }: { history: ConversionPointDto[]; targetRatio: number }) {
  const id = useId();
  const g = chartGeometry(history, targetRatio, BOX);
  const { left, right, bottom } = BOX.margin;
  const last = history[history.length - 1];
  const desc = last
    ? `${history.length} weeks from ${history[0]?.date} to ${last.date}. Latest: ${last.converted} of ${last.total} teams converted (${percentText(last.ratio)}); target ${percentText(targetRatio)}.`
    : 'No history yet.';
  return (
    <figure data-testid="conversion-chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: BOX.width, display: 'block' }}>
        <title id={`${id}-t`}>Teams converted over time</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {g.yTicks.map((t) => (
          <g key={t.label}>
            <line x1={left} x2={BOX.width - right} y1={t.y} y2={t.y} stroke={token('color.border', '#091E4224')} />
            <text x={left - 6} y={t.y + 4} textAnchor="end" style={text}>
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <g key={t.label + t.x}>
            <line x1={t.x} x2={t.x} y1={BOX.height - bottom} y2={BOX.height - bottom + 4} stroke={token('color.border.bold', '#758195')} />
            <text x={t.x} y={BOX.height - bottom + 16} textAnchor="middle" style={text}>
              {t.label}
              {t.year && (
                <tspan x={t.x} dy={13}>
                  {t.year}
                </tspan>
              )}
            </text>
          </g>
        ))}
        <line x1={left} x2={BOX.width - right} y1={BOX.height - bottom} y2={BOX.height - bottom} stroke={token('color.border.bold', '#758195')} />
        <line data-testid="conversion-target" x1={left} x2={BOX.width - right} y1={g.targetY} y2={g.targetY} stroke={token('color.chart.success.bold', '#1F845A')} strokeWidth={1.5} strokeDasharray="6 4" />
        <text x={left + 6} y={g.targetY - 6} textAnchor="start" style={{ ...text, fill: token('color.text.success', '#216E4E'), fontWeight: 'bold' }}>
          Target {percentText(targetRatio)}
        </text>
        <path d={g.path} fill="none" stroke={token('color.chart.brand', '#1D7AFC')} strokeWidth={2} />
        {g.points.map(({ x, y, point }) => (
          <circle key={point.date} cx={x} cy={y} r={3} fill={token('color.chart.brand', '#1D7AFC')}>
            <title>{pointTitle(point)}</title>
          </circle>
        ))}
      </svg>
      <DataTable history={history} />
    </figure>
  );
}
