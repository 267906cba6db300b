import { token } from '@atlaskit/tokens';
import type { RoadmapRowDto } from '../../../../src/contract';
import { rowSpan } from './arrows';
import { barColors, COLORS, SCHEDULE_GLYPH } from './colors';
import { BAR_HEIGHT, LEFT_WIDTH, ROW_HEIGHT } from './constants';
import { barLabel } from './labels';
import type { TimeScale } from './timeScale';

const top = (ROW_HEIGHT - BAR_HEIGHT) / 2;
const small = token('font.body.small', '400 12px/16px sans-serif');
const MIN_BAR = 3;

/** The visible words beside a bar or marker, so lateness and completion never rest on colour alone. */
function Caption({ x, row, prefix }: { x: number; row: RoadmapRowDto; prefix?: string }) {
  const glyph = SCHEDULE_GLYPH[row.schedule];
  const state = row.schedule === 'late' ? ' Late' : row.schedule === 'done' ? ' Done' : '';
  return (
    <span aria-hidden="true" style={{ position: 'absolute', left: x, top: 0, height: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px`, font: small, whiteSpace: 'nowrap', color: barColors(row.schedule).text, pointerEvents: 'none' }}>
      {prefix ? `${prefix} · ` : ''}
      {row.progress.percentText}
      {glyph && ` ${glyph}${state}`}
      {row.doneWithOpenWork && (
        <span data-testid={`roadmap-open-work-${row.id}`} style={{ color: token('color.text.warning', '#A54800') }}>
          {' '}· ⚠ work still open
        </span>
      )}
    </span>
  );
}

/** A bar from start to due with its progress inside, a bracket for the one known date, or a note when there is none. */
export function TimelineMark({ row, scale }: { row: RoadmapRowDto; scale: TimeScale }) {
  const span = rowSpan(row, scale);
  const colors = barColors(row.schedule);
  const label = barLabel(row);
  if (span.kind === 'none') {
    return (
      <span style={{ position: 'sticky', left: LEFT_WIDTH + 8, lineHeight: `${ROW_HEIGHT}px`, font: small, fontStyle: 'italic', color: COLORS.subtlest }}>
        No dates: listed under “Not scheduled”
      </span>
    );
  }
  if (span.kind === 'bar') {
    const width = Math.max(MIN_BAR, span.endX - span.startX);
    const ratio = Math.min(1, Math.max(0, row.progress.ratio));
    return (
      <>
        <div
          role="img"
          aria-label={label}
          title={`${label} (${row.progress.basis})`}
          data-testid={`roadmap-bar-${row.id}`}
          data-schedule={row.schedule}
          style={{ position: 'absolute', left: span.startX, width, top, height: BAR_HEIGHT, boxSizing: 'border-box', borderRadius: 3, overflow: 'hidden', background: colors.track, border: `${row.schedule === 'late' ? 2 : 1}px solid ${colors.border}` }}
        >
          <div data-testid={`roadmap-progress-${row.id}`} style={{ width: `${ratio * 100}%`, height: '100%', background: colors.fill }} />
        </div>
        <Caption x={span.startX + width + 6} row={row} />
      </>
    );
  }
  // One known date: a bracket opening towards the unknown side, never a made-up bar.
  const isStart = span.kind === 'start';
  const edge = `3px solid ${colors.fill}`;
  return (
    <>
      <div
        role="img"
        aria-label={label}
        title={`${label} (${row.progress.basis})`}
        data-testid={`roadmap-marker-${row.id}`}
        data-marker={span.kind}
        data-schedule={row.schedule}
        style={{ position: 'absolute', left: isStart ? span.x : span.x - 8, width: 8, top: top - 2, height: BAR_HEIGHT + 4, boxSizing: 'border-box', borderTop: edge, borderBottom: edge, [isStart ? 'borderLeft' : 'borderRight']: edge }}
      />
      <Caption x={span.x + (isStart ? 12 : 4)} row={row} prefix={isStart ? `from ${row.start}, no due date` : `due ${row.due}, no start date`} />
    </>
  );
}
