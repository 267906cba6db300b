import { memo, useMemo } from 'react';
import { token } from '@atlaskit/tokens';
import { COLORS } from './colors';
import { HEADER_BAND, LEFT_WIDTH } from './constants';
import { bandTicks, scaleTicks, type Tick, type TimeScale } from './timeScale';

const cellText = { font: token('font.body.small', '400 12px/16px sans-serif'), whiteSpace: 'nowrap', overflow: 'hidden' } as const;

function Cell({ tick, top, testId, children }: { tick: Tick; top: number; testId?: string; children: React.ReactNode }) {
  return (
    <div data-testid={testId} title={tick.title} className="roadmap-header-cell" style={{ left: tick.x, width: tick.width, top }}>
      {children}
    </div>
  );
}

/**
 * The sticky header: the name column's title, and two bands of time (context above, the zoom's unit below).
 * Memoised: it changes with the zoom, never with the scroll position.
 */
export const TimelineHeader = memo(function TimelineHeader({ scale, todayX }: { scale: TimeScale; todayX: number | null }) {
  const ticks = useMemo(() => scaleTicks(scale), [scale]);
  const bands = useMemo(() => bandTicks(scale), [scale]);
  return (
    <div role="row" aria-rowindex={1} className="roadmap-header">
      <div
        role="columnheader"
        style={{ ...cellText, position: 'sticky', left: 0, zIndex: 4, width: LEFT_WIDTH, flex: 'none', boxSizing: 'border-box', padding: `0 ${token('space.100', '8px')}`, display: 'flex', alignItems: 'flex-end', paddingBottom: 6, background: COLORS.headerSurface, borderRight: `1px solid ${COLORS.border}`, color: COLORS.subtle, fontWeight: 600 }}
      >
        Name · key · type
      </div>
      <div role="columnheader" style={{ position: 'relative', width: scale.width, flex: 'none', color: COLORS.subtle }}>
        {bands.map((tick) => (
          <Cell key={`band-${tick.day}`} tick={tick} top={0}>
            <span style={{ position: 'sticky', left: LEFT_WIDTH + 4, fontWeight: 600 }}>{tick.label}</span>
          </Cell>
        ))}
        {ticks.map((tick) => (
          <Cell key={`tick-${tick.day}`} tick={tick} top={HEADER_BAND} testId="roadmap-scale-label">
            {tick.label}
          </Cell>
        ))}
        {todayX !== null && (
          <span
            style={{ ...cellText, position: 'absolute', left: todayX + 3, bottom: 2, padding: '0 4px', borderRadius: 3, background: COLORS.surface, color: COLORS.todayText, fontWeight: 600, border: `1px solid ${COLORS.today}` }}
          >
            Today
          </span>
        )}
      </div>
    </div>
  );
});
