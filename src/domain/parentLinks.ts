import type { WorkItem } from './model';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** Each issue's parent key, keeping only links to issues that exist and that do not close a loop. */
export type ParentLinks = ReadonlyMap<string, string>;

function linksToKnownIssues(byKey: ReadonlyMap<string, WorkItem>, sink: WarningSink): Map<string, string> {
  const parentOf = new Map<string, string>();
  for (const [key, item] of byKey) {
    const raw: unknown = item.parentKey;
    if (raw === null || raw === undefined || raw === '') continue;
    const parentKey = String(raw);
    if (byKey.has(parentKey)) parentOf.set(key, parentKey);
    else sink.push(warn.parentNotFound(key, parentKey));
  }
  return parentOf;
}

/**
 * Walks up from every issue in input order (iteratively: chains may be very deep). When a walk
 * comes back to an issue already on it, the link it just followed closes a loop and is dropped.
 * Every issue is walked over once, so this is linear.
 */
function dropLinksClosingLoops(byKey: ReadonlyMap<string, WorkItem>, parentOf: Map<string, string>, sink: WarningSink): void {
  const finished = new Set<string>();
  for (const start of byKey.keys()) {
    const positionOnPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !finished.has(current)) {
      positionOnPath.set(current, positionOnPath.size);
      const next: string | undefined = parentOf.get(current);
      const nextPosition = next === undefined ? undefined : positionOnPath.get(next);
      if (next !== undefined && nextPosition !== undefined) {
        sink.push(warn.parentCycle(current, next, positionOnPath.size - nextPosition));
        parentOf.delete(current);
        break;
      }
      current = next;
    }
    for (const key of positionOnPath.keys()) finished.add(key);
  }
}

export function resolveParentLinks(byKey: ReadonlyMap<string, WorkItem>, sink: WarningSink): ParentLinks {
  const parentOf = linksToKnownIssues(byKey, sink);
  dropLinksClosingLoops(byKey, parentOf, sink);
  return parentOf;
}
