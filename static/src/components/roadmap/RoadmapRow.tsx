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
  /** Undefined while the row's page loads (or when it could not be read): a placeholder takes its place. */
  row: RoadmapRowDto | undefined;
  failed: boolean;
  /** Position among the rows showing (0-based). */
  index: number;
  /** The one row in the tab order (roving focus). */
  tabbable: boolean;
  scale: TimeScale;
  milestones: MilestoneDto[] | undefined;
  notes: string[] | undefined;
  onToggle: (id: string) => void;
}

const small = token('font.body.small', '400 12px/16px sans-serif');
const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function Toggle({ row, onToggle }: { row: RoadmapRowDto; onToggle: (id: string) => void }) {
  if (!row.hasChildren) return <span aria-hidden="true" style={{ width: 20, flex: 'none' }} />;
  const expanded = !row.collapsed;
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

const nameCell = (depth: number): React.CSSProperties => ({
  position: 'sticky', left: 0, zIndex: 2, width: LEFT_WIDTH, flex: 'none', display: 'flex', alignItems: 'center', gap: 4, boxSizing: 'border-box',
  paddingLeft: 4 + depth * INDENT, paddingRight: 8, background: COLORS.surface, borderRight: `1px solid ${COLORS.border}`,
});

/** Stands in for a row whose page is on its way: same size and place, so scrolling never jumps. */
function PlaceholderCells({ index, failed, width }: { index: number; failed: boolean; width: number }) {
  return (
    <>
      <div role="gridcell" data-roadmap-name="" style={nameCell(0)}>
        <span style={{ width: 20, flex: 'none' }} />
        {failed ? (
          <span style={{ ...ellipsis, font: small, color: COLORS.subtlest }}>Row {index + 1} could not be read</span>
        ) : (
          <span aria-hidden="true" style={{ width: '60%', height: 10, borderRadius: 3, background: COLORS.skeleton }} />
        )}
      </div>
      <div role="gridcell" style={{ width, flex: 'none' }} />
    </>
  );
}

/** One row: its name column (sticky on the left) and its slice of the timeline. */
export const RoadmapRow = memo(function RoadmapRow({ row, failed, index, tabbable, scale, milestones, notes, onToggle }: RoadmapRowProps) {
  const expanded = row !== undefined && row.hasChildren ? !row.collapsed : undefined;
  return (
    <div
      role="row"
      data-roadmap-row=""
      data-testid={row ? `roadmap-row-${row.id}` : 'roadmap-row-loading'}
      data-row-index={index}
      data-schedule={row?.schedule}
      aria-rowindex={index + 2}
      aria-level={row ? row.depth + 1 : undefined}
      aria-expanded={expanded}
      aria-busy={row ? undefined : !failed}
      aria-label={row ? rowLabel(row, notes, milestones) : failed ? `Row ${index + 1} could not be read` : `Loading row ${index + 1}`}
      tabIndex={tabbable ? 0 : -1}
      style={{ display: 'flex', height: ROW_HEIGHT, width: LEFT_WIDTH + scale.width, borderBottom: `1px solid ${COLORS.border}`, boxSizing: 'border-box' }}
    >
      {row === undefined ? (
        <PlaceholderCells index={index} failed={failed} width={scale.width} />
      ) : (
        <>
          <div role="gridcell" data-roadmap-name="" style={nameCell(row.depth)}>
            <Toggle row={row} onToggle={onToggle} />
            <span title={row.name} style={{ ...ellipsis, fontWeight: row.kind === 'box' ? 600 : 400 }}>
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
        </>
      )}
    </div>
  );
});
