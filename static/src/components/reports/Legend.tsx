import { token } from '@atlaskit/tokens';

export interface LegendItem {
  name: string;
  /** A resolved Atlaskit token. */
  color: string;
  /** A line (dashed or not) or a filled box. */
  mark: 'line' | 'dashed' | 'box';
}

/** What each colour means. Hidden from screen readers: the chart's table says it in words. */
export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <figcaption aria-hidden="true" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px'), fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
      {items.map((item) => (
        <span key={item.name} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050', '4px') }}>
          <svg width="18" height="10" aria-hidden="true">
            {item.mark === 'box' ? (
              <rect x="2" y="0" width="14" height="10" fill={item.color} />
            ) : (
              <line x1="0" x2="18" y1="5" y2="5" stroke={item.color} strokeWidth={2} strokeDasharray={item.mark === 'dashed' ? '4 3' : undefined} />
            )}
          </svg>
          {item.name}
        </span>
      ))}
    </figcaption>
  );
}
