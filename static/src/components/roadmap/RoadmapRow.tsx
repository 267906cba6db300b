import { memo } from 'react';
import { token } from '@atlaskit/tokens';
import type { MilestoneDto, RoadmapRowDto } from '../../../../src/contract';
import { COLORS } from './colors';
import { INDENT, LEFT_WIDTH, ROW_HEIGHT } from './constants';
import { rowLabel } from './labels';
import { MilestoneMark } from './MilestoneMark';
import { TimelineMark } from './TimelineMark';
import type { TimeScale } from './timeScale';

export interface RoadmapRowProps {
  row: RoadmapRowDto;
  /** Position among the rows showing (0-based). */
  index: number;
  expanded: boolean;
  /** The one row in the tab order (roving focus). */
  tabbable: boolean;
  scale: TimeScale;
  milestones: MilestoneDto[] | undefined;
  notes: string[] | undefined;
  onToggle: (id: string) => void;
}

const small = token('font.body.small', '400 12px/16px sans-serif');

function Toggle({ row, expanded, onToggle }: Pick<RoadmapRowProps, 'row' | 'expanded' | 'onToggle'>) {
  if (!row.hasChildren) return <span aria-hidden="true" style={{ width: 20, flex: 'none' }} />;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${row.key ?? ''} ${row.name}`.replace(/\s+/g, ' ')}
      data-testid={`roadmap-toggle-${row.id}`}
      onClick={() => onToggle(row.id)}
      style={{ width: 20, height: 20, flex: 'none', padding: 0, border: 'none', borderRadius: 3, background: 'transparent', color: COLORS.subtle, cursor: 'pointer' }}
    >
      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
    </button>
  );
}

/** One row: its name column (sticky on the left) and its slice of the timeline. */
export const RoadmapRow = memo(function RoadmapRow({ row, index, expanded, tabbable, scale, milestones, notes, onToggle }: RoadmapRowProps) {
  return (
    <div
      role="row"
      data-roadmap-row=""
      data-testid={`roadmap-row-${row.id}`}
      data-row-index={index}
      data-schedule={row.schedule}
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? expanded : undefined}
      aria-label={rowLabel(row, notes, milestones)}
      tabIndex={tabbable ? 0 : -1}
      style={{ display: 'flex', height: ROW_HEIGHT, width: LEFT_WIDTH + scale.width, borderBottom: `1px solid ${COLORS.border}`, boxSizing: 'border-box' }}
    >
      <div
        role="gridcell"
        data-roadmap-name=""
        style={{ position: 'sticky', left: 0, zIndex: 2, width: LEFT_WIDTH, flex: 'none', display: 'flex', alignItems: 'center', gap: 4, boxSizing: 'border-box', paddingLeft: 4 + row.depth * INDENT, paddingRight: 8, background: COLORS.surface, borderRight: `1px solid ${COLORS.border}` }}
      >
        <Toggle row={row} expanded={expanded} onToggle={onToggle} />
        <span title={row.name} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: row.kind === 'box' ? 600 : 400 }}>
          {row.name}
        </span>
        <span style={{ marginLeft: 'auto', flex: 'none', font: small, color: COLORS.subtlest, whiteSpace: 'nowrap' }}>
          {row.key ? `${row.key} · ` : ''}
          {row.typeName}
        </span>
      </div>
      <div role="gridcell" style={{ position: 'relative', width: scale.width, flex: 'none' }}>
        <TimelineMark row={row} scale={scale} />
        {milestones?.map((milestone) => <MilestoneMark key={milestone.key} milestone={milestone} scale={scale} />)}
      </div>
    </div>
  );
});
