import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState } from 'react';
import type { RoadmapRowDto } from '../../../../src/contract';
import { useEdits } from '../edits/editsContext';
import { rowSpan } from './arrows';
import { Caption } from './Caption';
import { dateChanges, datesText, daysOfDrag, keyMove, shiftDates, type BarDates, type DragPart } from './dateDrag';
import { scheduleClass } from './styles';
import type { TimeScale } from './timeScale';

const MIN_BAR = 3;
const HANDLE = { position: 'absolute', top: 0, bottom: 0, width: 6, cursor: 'ew-resize', background: token('color.border.bold', '#758195'), opacity: 0.6 } as const;
const KEYS_HELP = 'Arrow keys move it by a day, Shift+arrows by a week; Alt+arrows move the due date, Ctrl+arrows the start date; Enter saves in Jira, Escape cancels.';

interface Props {
  row: RoadmapRowDto;
  issueKey: string;
  dates: BarDates;
  scale: TimeScale;
  label: string;
  tabbable: boolean;
}

/**
 * A bar whose dates the viewer may change in Jira: drag it, or one of its ends, with the mouse (saved on release), or
 * focus it (Tab from its row) and use the keys in KEYS_HELP. The new dates show until Jira's answer is read back.
 */
export function EditableBar({ row, issueKey, dates, scale, label, tabbable }: Props) {
  const edits = useEdits();
  const [draft, setDraft] = useState<BarDates | null>(null);
  const [saving, setSaving] = useState(false);
  const drag = useRef<{ part: DragPart; x: number; pointerId: number } | null>(null);
  // The row read again after a save carries Jira's dates: the draft has done its job.
  useEffect(() => setDraft(null), [dates.start, dates.due]);
  const shown = draft ?? dates;
  const span = rowSpan(shown, scale);
  if (span.kind !== 'bar') return null;
  const width = Math.max(MIN_BAR, span.endX - span.startX);
  const ratio = Math.min(1, Math.max(0, row.progress.ratio));

  const save = async (next: BarDates) => {
    const changes = dateChanges(issueKey, dates, next);
    if (changes.length === 0) return setDraft(null);
    setDraft(next);
    setSaving(true);
    const saved = await edits.change(datesText(issueKey, dates, next), changes);
    setSaving(false);
    if (!saved) setDraft(null);
  };
  const dragged = (clientX: number) => (drag.current ? shiftDates(dates, drag.current.part, daysOfDrag(clientX - drag.current.x, scale.dayWidth)) : dates);

  return (
    <>
      <div
        role="button"
        aria-roledescription="date bar"
        aria-label={`${label}. ${KEYS_HELP}`}
        aria-busy={saving}
        tabIndex={tabbable ? 0 : -1}
        title={`${label} (${row.progress.basis}). Drag to change the dates.`}
        data-testid={`roadmap-bar-${row.id}`}
        data-schedule={row.schedule}
        data-start={shown.start}
        data-due={shown.due}
        data-draft={draft !== null && !saving ? 'true' : undefined}
        className={`roadmap-bar ${scheduleClass(row.schedule)}`}
        style={{ left: span.startX, width, cursor: saving ? 'progress' : 'grab', touchAction: 'none' }}
        onPointerDown={(e) => {
          if (saving || e.button !== 0) return;
          e.preventDefault();
          e.currentTarget.focus({ preventScroll: true });
          e.currentTarget.setPointerCapture(e.pointerId);
          const part = (e.target as HTMLElement).dataset.part;
          drag.current = { part: part === 'start' || part === 'due' ? part : 'move', x: e.clientX, pointerId: e.pointerId };
        }}
        onPointerMove={(e) => {
          if (drag.current?.pointerId === e.pointerId) setDraft(dragged(e.clientX));
        }}
        onPointerUp={(e) => {
          if (drag.current?.pointerId !== e.pointerId) return;
          const next = dragged(e.clientX);
          drag.current = null;
          void save(next);
        }}
        onPointerCancel={() => {
          drag.current = null;
          setDraft(null);
        }}
        onKeyDown={(e) => {
          if (saving) return;
          const move = keyMove(e.key, e);
          if (move) setDraft(shiftDates(shown, move.part, move.days));
          else if (e.key === 'Enter' && draft) void save(draft);
          else if (e.key === 'Escape' && draft) setDraft(null);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={() => {
          if (!saving && drag.current === null) setDraft(null);
        }}
      >
        <div data-testid={`roadmap-progress-${row.id}`} className="roadmap-progress" style={{ width: `${ratio * 100}%` }} />
        <div data-part="start" data-testid={`roadmap-bar-start-${row.id}`} aria-hidden="true" style={{ ...HANDLE, left: 0 }} />
        <div data-part="due" data-testid={`roadmap-bar-due-${row.id}`} aria-hidden="true" style={{ ...HANDLE, right: 0 }} />
      </div>
      {draft ? (
        <span role="status" data-testid={`roadmap-draft-${row.id}`} className="roadmap-caption" style={{ left: span.startX + width + 6, color: token('color.text.brand', '#0C66E4') }}>
          {saving ? `Saving ${shown.start} → ${shown.due}…` : `${shown.start} → ${shown.due} · Enter saves, Escape cancels`}
        </span>
      ) : (
        <Caption x={span.startX + width + 6} row={row} />
      )}
    </>
  );
}
