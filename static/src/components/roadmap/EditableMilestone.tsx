import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { MilestoneDto } from '../../../../src/contract';
import { useEdits } from '../edits/editsContext';
import { milestoneX } from './arrows';
import { keyMove } from './dateDrag';
import { milestoneLabel } from './labels';
import { MILESTONE_SIZE, scheduleClass } from './styles';
import { dayNumber, isoOf, type TimeScale } from './timeScale';
import { useDayDrag } from './useDayDrag';

const KEYS_HELP = 'Arrow keys move its due date by a day, Shift+arrows by a week; Enter saves in Jira, Escape cancels.';

/** A milestone the viewer may move in Jira: drag the diamond, or focus it and use the keys in KEYS_HELP. */
export function EditableMilestone({ milestone, due, scale, tabbable }: { milestone: MilestoneDto; due: string; scale: TimeScale; tabbable: boolean }) {
  const edits = useEdits();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // What this page wrote, until Jira's date is read back: the next gesture starts from it.
  const [written, setWritten] = useState<string | null>(null);
  useEffect(() => {
    setWritten(null);
    setDraft((d) => (d === due ? null : d));
  }, [due]);
  const base = written ?? due;
  const moved = (days: number) => isoOf((dayNumber(base) as number) + days);
  const save = async (next: string) => {
    if (next === base) return setDraft(null);
    setDraft(next);
    setSaving(true);
    const saved = await edits.change(`${milestone.key}: due ${base} → ${next}`, [{ issueKey: milestone.key, concept: 'dueDate', value: next, expected: base }]);
    setSaving(false);
    setDraft(null);
    if (saved) setWritten(next);
  };
  const drag = useDayDrag({ dayWidth: scale.dayWidth, disabled: saving, partOf: () => 'move', onMove: (_, days) => setDraft(moved(days)), onDrop: (_, days) => void save(moved(days)), onCancel: () => setDraft(null) });
  const shown = draft ?? base;
  const x = milestoneX(shown, scale);
  if (x === null) return null;
  const label = milestoneLabel(milestone);
  return (
    <>
      <div
        role="button"
        aria-roledescription="milestone"
        aria-label={`${label}. ${KEYS_HELP}`}
        aria-busy={saving}
        tabIndex={tabbable ? 0 : -1}
        title={`${label}. Drag to change its due date.`}
        data-testid={`roadmap-milestone-${milestone.key}`}
        data-schedule={milestone.schedule}
        data-due={shown}
        className={`roadmap-milestone ${scheduleClass(milestone.schedule)}`}
        style={{ left: x - MILESTONE_SIZE / 2, cursor: saving ? 'progress' : 'grab', touchAction: 'none' }}
        {...drag.handlers}
        onKeyDown={(e) => {
          if (saving) return;
          const move = keyMove(e.key, { ...e, altKey: false, ctrlKey: false });
          if (move) setDraft(isoOf((dayNumber(shown) as number) + move.days));
          else if (e.key === 'Enter' && draft) void save(draft);
          else if (e.key === 'Escape' && draft) setDraft(null);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={() => {
          if (!saving && !drag.dragging()) setDraft(null);
        }}
      />
      {draft && (
        <span role="status" data-testid={`roadmap-milestone-draft-${milestone.key}`} className="roadmap-caption" style={{ left: x + MILESTONE_SIZE, color: token('color.text.brand', '#0C66E4') }}>
          {saving ? `Saving due ${draft}…` : `due ${draft} · Enter saves, Escape cancels`}
        </span>
      )}
    </>
  );
}
