import type { FieldChange } from '../history';
import type { Scope } from '../scope';

/** The changes grouped by issue key, each key's in the order given. */
export function changesByKey(history: readonly FieldChange[]): Map<string, FieldChange[]> {
  const byKey = new Map<string, FieldChange[]>();
  for (const change of history) {
    const list = byKey.get(change.key);
    if (list === undefined) byKey.set(change.key, [change]);
    else list.push(change);
  }
  return byKey;
}

/**
 * The changes of a scope's boxes and work items: what a report of that scope alone reads. Reports index changes per
 * issue, so the order between issues does not matter; each issue's own order is kept.
 */
export function scopeHistory(byKey: ReadonlyMap<string, readonly FieldChange[]>, scope: Scope): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of new Set([...scope.itemKeys, ...scope.boxIds])) {
    const changes = byKey.get(key);
    if (changes !== undefined) for (const change of changes) out.push(change);
  }
  return out;
}
