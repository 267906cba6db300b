import { memo, useRef } from 'react';
import type { MilestoneDto, RoadmapRowDto } from '../../../../src/contract';
import { INDENT, ROW_HEIGHT } from './constants';
import { MilestoneMark } from './MilestoneMark';
import { TimelineMark } from './TimelineMark';
import type { TimeScale } from './timeScale';
import { BoxLink } from '../../navigation/openBox';
import { BaselineMark } from './BaselineMark';
import { LightCells } from './LightCells';

export interface RoadmapRowProps {
  /** Undefined while the row's page loads (or when it could not be read): a placeholder takes its place. */
  row: RoadmapRowDto | undefined;
  failed: boolean;
  /** Position among the rows showing (0-based). */
  index: number;
  /** The one row in the tab order (roving focus). */
  tabbable: boolean;
  scale: TimeScale;
  /** The row's milestones (the same array for as long as its page is held). */
  milestones: MilestoneDto[] | undefined;
  /** The row's accessible name (labels.ts rowLabel); a string, so an unchanged row compares equal. */
  label: string;
  onToggle: (id: string) => void;
  /** The viewer may change the row's issue in Jira: its bar can be dragged and moved by keyboard. */
  editable: boolean;
  /** Opens the side panel of the row's issue (dates, status, flag). */
  onEdit: (row: RoadmapRowDto) => void;
  /** Whether the viewer may change this issue (a milestone on the row) in Jira. */
  canEdit: (issueKey: string) => boolean;
  /** The grid flings (and the row is not the active one): a row coming on screen now is drawn light (LightCells) until it stops. */
  light: boolean;
}

/** In the tab order of the active row only, like the bar after it. */
function EditButton({ row, tabbable, onEdit }: { row: RoadmapRowDto; tabbable: boolean; onEdit: (row: RoadmapRowDto) => void }) {
  return (
    <button type="button" tabIndex={tabbable ? 0 : -1} aria-label={`Edit ${row.key ?? ''} ${row.name} in Jira`} title="Dates, status and flag" data-testid={`roadmap-edit-${row.id}`} onClick={() => onEdit(row)} className="roadmap-toggle">
      {/* The aria-label names the button; the glyph is only seen. */}
      ✎
    </button>
  );
}

/** A row with children has a toggle; a leaf has the toggle's room as indent (nameIndent), not an element. */
function Toggle({ row, onToggle }: { row: RoadmapRowDto; onToggle: (id: string) => void }) {
  if (!row.hasChildren) return null;
  const expanded = !row.collapsed;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${row.key ?? ''} ${row.name}`.replace(/\s+/g, ' ')}
      data-testid={`roadmap-toggle-${row.id}`}
      onClick={() => onToggle(row.id)}
      className="roadmap-toggle"
    >
      {/* The aria-label names the button; the glyph is only seen. */}
      {expanded ? '▾' : '▸'}
    </button>
  );
}

/** The name cell's left padding: the row's depth, and for a leaf the room a toggle takes (20 px and the 4 px gap). */
const nameIndent = (row: RoadmapRowDto): number => 4 + row.depth * INDENT + (row.hasChildren ? 0 : 24);

/** A light row has no toggle: its name starts where a full row's does, after the toggle's room. */
const lightIndent = (row: RoadmapRowDto): number => 4 + row.depth * INDENT + 24;

const PLACEHOLDER_INDENT = { paddingLeft: 4 + 24 };

/**
 * Whether to draw the row light: while `light`, a row that comes on screen is, and stays so until the fling ends;
 * a row already drawn in full stays full (turning it light would redraw it for nothing).
 */
function useLightWhile(light: boolean, loaded: boolean): boolean {
  const drawnLight = useRef<boolean | null>(null);
  const now = light && loaded && drawnLight.current !== false;
  if (loaded) drawnLight.current = now;
  return now;
}

/** Stands in for a row whose page is on its way: same size and place, so scrolling never jumps. */
function PlaceholderCells({ index, failed }: { index: number; failed: boolean }) {
  return (
    <>
      <div role="gridcell" data-roadmap-name="" className="roadmap-namecell" style={PLACEHOLDER_INDENT}>
        {failed ? <span className="roadmap-unread">Row {index + 1} could not be read</span> : <span aria-hidden="true" className="roadmap-skeleton" />}
      </div>
      <div role="gridcell" className="roadmap-timeline" />
    </>
  );
}

/**
 * One row: its name column (pinned on the left, usePinnedColumn) and its slice of the timeline. Memoised: while the grid scrolls,
 * a row that stays on screen keeps its props (its row object, label and milestones are stable) and is not redrawn.
 */
export const RoadmapRow = memo(function RoadmapRow({ row, failed, index, tabbable, scale, milestones, label, onToggle, editable, onEdit, canEdit, light }: RoadmapRowProps) {
  const drawLight = useLightWhile(light, row !== undefined);
  const expanded = row !== undefined && row.hasChildren ? !row.collapsed : undefined;
  return (
    <div
      role="row"
      data-roadmap-row=""
      data-testid={row ? `roadmap-row-${row.id}` : 'roadmap-row-loading'}
      data-row-index={index}
      data-schedule={row?.schedule}
      aria-rowindex={index + 2}
      style={{ top: index * ROW_HEIGHT }}
      aria-level={row ? row.depth + 1 : undefined}
      aria-expanded={expanded}
      aria-busy={row ? undefined : !failed}
      aria-label={row ? label : failed ? `Row ${index + 1} could not be read` : `Loading row ${index + 1}`}
      tabIndex={tabbable ? 0 : -1}
    >
      {row === undefined ? (
        <PlaceholderCells index={index} failed={failed} />
      ) : drawLight ? (
        <LightCells row={row} indent={lightIndent(row)} scale={scale} />
      ) : (
        <>
          <div role="gridcell" data-roadmap-name="" className="roadmap-namecell" style={{ paddingLeft: nameIndent(row) }}>
            <Toggle row={row} onToggle={onToggle} />
            <span title={row.name} className={row.kind === 'box' ? 'roadmap-name roadmap-box' : 'roadmap-name'}>
              {row.kind === 'box' ? (
                <BoxLink boxId={row.id} testId={`roadmap-open-${row.id}`} tabIndex={-1}>
                  {row.name}
                </BoxLink>
              ) : (
                row.name
              )}
            </span>
            <span className="roadmap-meta">{row.key ? `${row.key} · ${row.typeName}` : row.typeName}</span>
            {editable && <EditButton row={row} tabbable={tabbable} onEdit={onEdit} />}
          </div>
          <div role="gridcell" className="roadmap-timeline">
            <TimelineMark row={row} scale={scale} editable={editable} tabbable={tabbable} />
            {row.baseline && <BaselineMark row={row} baseline={row.baseline} scale={scale} />}
            {milestones?.map((milestone) => <MilestoneMark key={milestone.key} milestone={milestone} scale={scale} editable={canEdit(milestone.key)} tabbable={tabbable} />)}
          </div>
        </>
      )}
    </div>
  );
});
