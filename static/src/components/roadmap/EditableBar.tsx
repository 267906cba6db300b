import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { RoadmapRowDto } from '../../../../src/contract';
import { useEdits } from '../edits/editsContext';
import { rowSpan } from './arrows';
import { Caption } from './Caption';
import { dateChanges, datesText, keyMove, shiftDates, type BarDates, type DragPart } from './dateDrag';
import { scheduleClass } from './styles';
import type { TimeScale } from './timeScale';
import { useDayDrag } from './useDayDrag';

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
  // What this page wrote, until the row is read back from Jira: the next gesture starts from it.
  const [written, setWritten] = useState<BarDates | null>(null);
  useEffect(() => {
    setWritten(null);
    setDraft((d) => (d?.start === dates.start && d.due === dates.due ? null : d));
  }, [dates.start, dates.due]);
  const base = written ?? dates;
  const shown = draft ?? base;
  const save = async (next: BarDates) => {
    const changes = dateChanges(issueKey, base, next);
    if (changes.length === 0) return setDraft(null);
    setDraft(next);
    setSaving(true);
    const saved = await edits.change(datesText(issueKey, base, next), changes);
    setSaving(false);
    setDraft(null);
    if (saved) setWritten(next);
  };
  const drag = useDayDrag<DragPart>({
    dayWidth: scale.dayWidth,
    disabled: saving,
    partOf: (target) => (target.dataset.part === 'start' || target.dataset.part === 'due' ? target.dataset.part : 'move'),
    onMove: (part, days) => setDraft(shiftDates(base, part, days)),
    onDrop: (part, days) => void save(shiftDates(base, part, days)),
    onCancel: () => setDraft(null),
  });
  const span = rowSpan(shown, scale);
  if (span.kind !== 'bar') return null;
  const width = Math.max(MIN_BAR, span.endX - span.startX);
  const ratio = Math.min(1, Math.max(0, row.progress.ratio));

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
        {...drag.handlers}
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
          if (!saving && !drag.dragging()) setDraft(null);
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
