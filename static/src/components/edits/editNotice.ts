import type { EditValueDto, FieldChangeDto } from '../../../../src/contract';

/** What the page tells the user after a write. */
export type EditNotice =
  | { kind: 'done'; text: string; undo: (() => void) | null }
  | { kind: 'undone'; text: string }
  | { kind: 'conflict'; text: string }
  | { kind: 'failed'; text: string };

/** A value as a sentence shows it. */
export function valueText(value: EditValueDto): string {
  if (value === null || value === '') return 'empty';
  if (typeof value === 'boolean') return value ? 'flagged' : 'not flagged';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The writes that put the previous values back, last change first; a change that changed nothing needs none. */
export function undoRequests(done: readonly FieldChangeDto[]) {
  return [...done]
    .reverse()
    .filter((c) => valueText(c.previous) !== valueText(c.current))
    .map((c) => ({ issueKey: c.issueKey, concept: c.concept, value: c.previous, expected: c.current }));
}
