import { memo, useMemo } from 'react';
import type { DependencyDto } from '../../../../src/contract';
import { clipArrow, visibleArrows } from './arrows';
import { COLORS } from './colors';
import { ARROW_GAP, LEFT_WIDTH, ROW_HEIGHT } from './constants';
import { dependencyLabel } from './labels';
import type { TimeScale } from './timeScale';

export interface DependencyLayerProps {
  dependencies: readonly DependencyDto[];
  scale: TimeScale;
  /** A band of rows (inclusive) holding the rendered ones: arrows touching it are drawn, as far as it reaches. */
  first: number;
  last: number;
  height: number;
}

/** Dashed (conflicting) arrows are drawn as straight lines of at most this many pixels (arrows.ts chop). */
const DASH_CHUNK = 256;

const SVG_STYLE = { position: 'absolute', top: 0, left: LEFT_WIDTH, zIndex: 1, pointerEvents: 'none', overflow: 'visible' } as const;

/**
 * Arrows from the end of each blocking row to the start of the row it blocks; conflicting ones are red,
 * thicker and dashed. Decorative for screen readers: each row's accessible name lists its dependencies.
 *
 * Only the part of an arrow inside the band is drawn (the rest is off screen): a dashed stroke along a path
 * thousands of rows long took longer to paint than a frame lasts; and a dashed one is drawn as short straight lines,
 * since the dashes of a whole path are laid again for every tile of the page painted under it. Each arrow keeps its
 * key (its two rows) and its pieces their place in the dash pattern, so what stays in the band is not redrawn.
 * Memoised: the grid hands it a band that changes every few rows, not every row.
 */
export const DependencyLayer = memo(function DependencyLayer({ dependencies, scale, first, last, height }: DependencyLayerProps) {
  const drawn = useMemo(() => {
    const top = first * ROW_HEIGHT;
    const bottom = (last + 1) * ROW_HEIGHT;
    const keys = new Map<string, number>();
    return visibleArrows({ dependencies, scale, first, last, rowHeight: ROW_HEIGHT, gap: ARROW_GAP }).map((arrow) => {
      const { fromRowId, toRowId } = arrow.dependency;
      const base = `${fromRowId}\u0000${toRowId}`;
      const seen = keys.get(base) ?? 0;
      keys.set(base, seen + 1);
      const chunk = arrow.dependency.violated ? DASH_CHUNK : undefined;
      return { arrow, key: seen === 0 ? base : `${base}#${seen}`, ...clipArrow(arrow, top, bottom, chunk) };
    });
  }, [dependencies, scale, first, last]);
  if (drawn.length === 0) return null;
  return (
    <svg aria-hidden="true" width={scale.width} height={height} style={SVG_STYLE}>
      {drawn.map(({ arrow, key, pieces, head }) => {
        const { violated, fromKey, toKey } = arrow.dependency;
        const color = violated ? COLORS.arrowViolated : COLORS.arrow;
        return (
          <g key={key} data-testid={`roadmap-dependency-${fromKey}-${toKey}`} data-violated={violated}>
            <title>{dependencyLabel(arrow.dependency)}</title>
            {pieces.map((piece) => (
              <path
                key={piece.offset}
                d={piece.d}
                fill="none"
                stroke={color}
                strokeWidth={violated ? 2 : 1.5}
                strokeDasharray={violated ? '5 3' : undefined}
                strokeDashoffset={violated && piece.offset > 0 ? piece.offset : undefined}
                pointerEvents="visibleStroke"
              />
            ))}
            {head !== null && <path d={head} fill={color} />}
          </g>
        );
      })}
    </svg>
  );
});
