import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { seriesGeometry, type ChartBox } from './charts';
import { Legend } from './Legend';

export interface LineSeries {
  name: string;
  values: number[];
  /** A resolved Atlaskit token, e.g. token('color.chart.brand'). */
  color: string;
  dashed?: boolean;
}

const BOX: ChartBox = { width: 720, height: 220, margin: { top: 12, right: 24, bottom: 28, left: 56 } };
const text = { fill: token('color.text.subtlest', '#626F86'), fontSize: 11 };

function DataTable({ caption, dates, series, format }: { caption: string; dates: string[]; series: LineSeries[]; format: (n: number) => string }) {
  return (
    <VisuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((date, i) => (
            <tr key={date}>
              <th scope="row">{date}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}

/**
 * Lines over dates on one axis from 0 (whole-number ticks when `counts`; `axisFormat` for the tick labels), with a legend,
 * a title and description, and the numbers in a hidden table.
 */
export function LineChart(props: { title: string; desc: string; dates: string[]; series: LineSeries[]; format: (n: number) => string; axisFormat?: (n: number) => string; testId: string; counts?: boolean }) {
  const { title, desc, dates, series, format, axisFormat = format, testId, counts = false } = props;
  const id = useId();
  const g = seriesGeometry(dates, series.map((s) => s.values), BOX, counts);
  const { left, right, bottom } = BOX.margin;
  return (
    <figure data-testid={testId} className="report-block" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: BOX.width, display: 'block' }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={left} x2={BOX.width - right} y1={t.y} y2={t.y} stroke={token('color.border', '#091E4224')} />
            <text x={left - 6} y={t.y + 4} textAnchor="end" style={text}>
              {axisFormat(t.value)}
            </text>
          </g>
        ))}
        {g.xLabels.map((l) => (
          <text key={l.x} x={l.x} y={BOX.height - bottom + 16} textAnchor="middle" style={text}>
            {l.label}
          </text>
        ))}
        {g.lines.map((line, i) => {
          const s = series[i];
          if (!s) return null;
          return (
            <g key={s.name}>
              <path d={line.path} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '6 4' : undefined} />
              {line.points.map((p) => (
                <circle key={p.index} cx={p.x} cy={p.y} r={2.5} fill={s.color}>
                  <title>{`${dates[p.index] ?? ''}: ${s.name} ${format(s.values[p.index] ?? 0)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s) => ({ name: s.name, color: s.color, mark: s.dashed ? 'dashed' : 'line' }))} />
      <DataTable caption={title} dates={dates} series={series} format={format} />
    </figure>
  );
}
