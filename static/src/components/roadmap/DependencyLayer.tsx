import { useMemo } from 'react';
import type { DependencyDto } from '../../../../src/contract';
import { visibleArrows } from './arrows';
import { COLORS } from './colors';
import { ARROW_GAP, LEFT_WIDTH, ROW_HEIGHT } from './constants';
import { dependencyLabel } from './labels';
import type { TimeScale } from './timeScale';

export interface DependencyLayerProps {
  dependencies: readonly DependencyDto[];
  scale: TimeScale;
  /** The rendered rows (inclusive): only arrows touching them are drawn. */
  first: number;
  last: number;
  height: number;
}

/**
 * Arrows from the end of each blocking row to the start of the row it blocks; conflicting ones are red,
 * thicker and dashed. Decorative for screen readers: each row's accessible name lists its dependencies.
 */
export function DependencyLayer({ dependencies, scale, first, last, height }: DependencyLayerProps) {
  const arrows = useMemo(() => visibleArrows({ dependencies, scale, first, last, rowHeight: ROW_HEIGHT, gap: ARROW_GAP }), [dependencies, scale, first, last]);
  if (arrows.length === 0) return null;
  return (
    <svg aria-hidden="true" width={scale.width} height={height} style={{ position: 'absolute', top: 0, left: LEFT_WIDTH, zIndex: 1, pointerEvents: 'none', overflow: 'visible' }}>
      {arrows.map((arrow, i) => {
        const { violated, fromKey, toKey } = arrow.dependency;
        const color = violated ? COLORS.arrowViolated : COLORS.arrow;
        return (
          <g key={`${arrow.id}#${i}`} data-testid={`roadmap-dependency-${fromKey}-${toKey}`} data-violated={violated}>
            <title>{dependencyLabel(arrow.dependency)}</title>
            <path d={arrow.path} fill="none" stroke={color} strokeWidth={violated ? 2 : 1.5} strokeDasharray={violated ? '5 3' : undefined} style={{ pointerEvents: 'visibleStroke' }} />
            <path d={arrow.head} fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
