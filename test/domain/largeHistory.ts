import type { FieldChange, TransformationModel } from '../../src/domain';

export const LARGE_HISTORY_CHANGES = 200_000;
export const STATUS_CATEGORIES = { 'To Do': 'new', 'In Progress': 'indeterminate', 'In Review': 'indeterminate', Done: 'done' } as const;

const instant = (dayOfYear: number, hour: number): string => new Date(Date.UTC(2026, 0, 1 + dayOfYear, hour)).toISOString();

/** Up to 200,000 changes of largeTransformation's model: every story starts, done ones finish (some reopened first), teams move stages, values grow. */
export function largeHistory(model: TransformationModel, changesWanted: number = LARGE_HISTORY_CHANGES): FieldChange[] {
  const changes: FieldChange[] = [];
  let n = 0;
  for (const item of Object.values(model.items)) {
    n += 1;
    if (item.issueType === 'Team') {
      changes.push({ key: item.key, at: instant(n % 60, 9), concept: 'conversionStage', from: 'Not started', to: 'Piloting' });
      changes.push({ key: item.key, at: instant(10 + (n % 55), 9), concept: 'conversionStage', from: 'Piloting', to: item.fields.conversionStage as string });
    } else if (item.issueType === 'Initiative') {
      changes.push({ key: item.key, at: instant(n % 60, 8), concept: 'realisedValue', from: null, to: String(n) });
    } else if (item.issueType === 'Story') {
      const start = n % 50;
      changes.push({ key: item.key, at: instant(start, 10), concept: 'status', from: 'To Do', to: 'In Progress' });
      if (n % 4 === 0) changes.push({ key: item.key, at: instant(start + 1, 11), concept: 'status', from: 'In Progress', to: 'In Review' });
      if (item.statusCategory === 'done') changes.push({ key: item.key, at: instant(start + 3, 12), concept: 'status', from: 'In Review', to: 'Done' });
    }
  }
  for (let index = 0; changes.length < changesWanted; index += 1) changes.push({ key: `T${index % 1000}-1`, at: instant(index % 66, 13), concept: 'flagged', from: null, to: 'Impediment' });
  return changes.slice(0, changesWanted).reverse();
}
