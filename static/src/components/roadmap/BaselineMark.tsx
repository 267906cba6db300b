import { token } from '@atlaskit/tokens';
import type { BaselineDeltaDto, RoadmapRowDto } from '../../../../src/contract';
import { slipText } from '../overview/overviewFormat';
import { rowSpan } from './arrows';
import { BAR_HEIGHT, ROW_HEIGHT } from './constants';
import type { TimeScale } from './timeScale';

const TOP = (ROW_HEIGHT + BAR_HEIGHT) / 2 + 1;
const HEIGHT = 4;

/** The box's dates in the chosen baseline: a thin bar under today's, so a slip shows as the gap between their ends. */
export function BaselineMark({ row, baseline, scale }: { row: RoadmapRowDto; baseline: BaselineDeltaDto; scale: TimeScale }) {
  const span = rowSpan(baseline, scale);
  if (span.kind === 'none') return null;
  const [left, width] = span.kind === 'bar' ? [span.startX, Math.max(3, span.endX - span.startX)] : [span.x - 1, 3];
  const words = `Baseline: ${baseline.start ?? 'no start'} to ${baseline.due ?? 'no due date'}; slip ${slipText(baseline.slipDays)}`;
  return (
    <div
      role="img"
      aria-label={`${row.name}: ${words}`}
      title={words}
      data-testid={`roadmap-baseline-${row.id}`}
      data-slip={baseline.slipDays ?? ''}
      style={{ position: 'absolute', top: TOP, left, width, height: HEIGHT, borderRadius: 2, background: token('color.background.neutral.bold', '#44546F'), opacity: 0.6 }}
    />
  );
}
