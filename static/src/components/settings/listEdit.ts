/** Edits of an ordered list of texts (the conversion stages), and how the target stage follows them. No React here. */

export type ListEdit =
  | { op: 'add'; value: string }
  | { op: 'rename'; index: number; value: string }
  | { op: 'move'; index: number; direction: -1 | 1 }
  | { op: 'remove'; index: number };

export function applyListEdit(list: readonly string[], edit: ListEdit): string[] {
  const next = [...list];
  switch (edit.op) {
    case 'add':
      return edit.value.trim() ? [...next, edit.value.trim()] : next;
    case 'rename':
      if (edit.index < 0 || edit.index >= next.length) return next;
      next[edit.index] = edit.value;
      return next;
    case 'move': {
      const to = edit.index + edit.direction;
      const a = next[edit.index];
      const b = next[to];
      if (a === undefined || b === undefined) return next;
      next[edit.index] = b;
      next[to] = a;
      return next;
    }
    case 'remove':
      return next.filter((_, i) => i !== edit.index);
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The target stage after an edit of the stages: renaming it renames the target; removing it moves the
 * target to the stage that takes its place (the next one, else the previous one).
 */
export function targetAfterEdit(stages: readonly string[], target: string, edit: ListEdit): string {
  const index = stages.findIndex((s) => same(s, target));
  if (index < 0 || (edit.op !== 'rename' && edit.op !== 'remove') || edit.index !== index) return target;
  if (edit.op === 'rename') return edit.value;
  return stages[index + 1] ?? stages[index - 1] ?? '';
}
