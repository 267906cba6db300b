import type { WorkItem } from './model';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** The id of the transformation's own box; an issue cannot have it as its key. */
export const ROOT_ID = 'root';

/** The issues by key, in input order: the first copy of a duplicate key wins. */
export function indexIssues(items: readonly WorkItem[], sink: WarningSink): Map<string, WorkItem> {
  const byKey = new Map<string, WorkItem>();
  const reported = new Set<string>();
  for (const item of Array.isArray(items) ? items : []) {
    if (item === null || typeof item !== 'object') continue;
    const key = String(item.key);
    if (key === ROOT_ID) {
      sink.push(warn.keyIsReserved(key));
    } else if (!byKey.has(key)) {
      byKey.set(key, item);
    } else if (!reported.has(key)) {
      reported.add(key);
      sink.push(warn.duplicateKey(key));
    }
  }
  return byKey;
}
