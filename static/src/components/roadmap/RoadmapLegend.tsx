import { memo } from 'react';
import { token } from '@atlaskit/tokens';
import { barColors, COLORS, SCHEDULE_GLYPH } from './colors';

const swatchBase = { display: 'inline-block', width: 24, height: 10, borderRadius: 2, boxSizing: 'border-box' } as const;

function BarSwatch({ schedule }: { schedule: 'onTrack' | 'late' | 'done' }) {
  const colors = barColors(schedule);
  return (
    <span aria-hidden="true" style={{ ...swatchBase, background: `linear-gradient(90deg, ${colors.fill} 50%, ${colors.track} 50%)`, border: `1px solid ${colors.border}` }} />
  );
}

const diamond = (color: string) => (
  <span aria-hidden="true" style={{ display: 'inline-block', width: 9, height: 9, transform: 'rotate(45deg)', background: color }} />
);

const line = (color: string, dashed: boolean) => (
  <svg aria-hidden="true" width={28} height={10}>
    <path d="M 0 5 H 22" stroke={color} strokeWidth={dashed ? 2 : 1.5} strokeDasharray={dashed ? '5 3' : undefined} fill="none" />
    <path d="M 27 5 L 22 1 L 22 9 Z" fill={color} />
  </svg>
);

const ITEMS: { label: string; mark: React.ReactNode }[] = [
  { label: 'On track (fill = progress)', mark: <BarSwatch schedule="onTrack" /> },
  { label: `${SCHEDULE_GLYPH.late} Late`, mark: <BarSwatch schedule="late" /> },
  { label: `${SCHEDULE_GLYPH.done} Done`, mark: <BarSwatch schedule="done" /> },
  { label: 'Milestone', mark: diamond(COLORS.milestone) },
  { label: '! Late milestone', mark: diamond(barColors('late').fill) },
  { label: 'Dependency', mark: line(COLORS.arrow, false) },
  { label: 'Conflicting dependency', mark: line(COLORS.arrowViolated, true) },
  { label: 'Today', mark: <span aria-hidden="true" style={{ display: 'inline-block', width: 2, height: 14, background: COLORS.today }} /> },
];

/** What the marks on the roadmap mean. Memoised: it never changes, however often the rows do. */
export const RoadmapLegend = memo(function RoadmapLegend() {
  return (
    <ul
      aria-label="Legend"
      data-testid="roadmap-legend"
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px'), listStyle: 'none', margin: 0, padding: 0, color: COLORS.subtle, font: token('font.body.small', '400 12px/16px sans-serif') }}
    >
      {ITEMS.map((item) => (
        <li key={item.label} style={{ display: 'flex', alignItems: 'center', gap: token('space.075', '6px') }}>
          {item.mark}
          {item.label}
        </li>
      ))}
    </ul>
  );
});
