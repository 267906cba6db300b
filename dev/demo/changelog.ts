/**
 * Changelog items in Jira's shape, and the merge of timed change events into an issue's changelog.
 */
import type { SiteChangelogEntry, SiteChangelogItem } from '../emulator/siteData';
import { STATUS, isDone, type StatusKey } from './catalog';
import { formatDay, formatTimestamp, type Day } from './dates';
import { CF, fieldName, FLAG_IMPEDIMENT, optionId, type CustomFieldKey } from './fields';

/** One edit or transition: what changed, when, and by whom. */
export interface ChangeEvent {
  at: number;
  author: string;
  items: SiteChangelogItem[];
}

export function statusItem(from: StatusKey, to: StatusKey): SiteChangelogItem {
  const a = STATUS[from];
  const b = STATUS[to];
  return { field: 'status', fieldId: 'status', fieldtype: 'jira', from: a.id, fromString: a.name, to: b.id, toString: b.name };
}

const RESOLUTION_DONE = { id: '10000', name: 'Done' } as const;

/** The items of a transition: the status, and the resolution when it enters or leaves the done category. */
export function transitionItems(from: StatusKey, to: StatusKey): SiteChangelogItem[] {
  const items = [statusItem(from, to)];
  if (!isDone(from) && isDone(to)) {
    items.push({ field: 'resolution', fieldId: 'resolution', fieldtype: 'jira', from: null, fromString: null, to: RESOLUTION_DONE.id, toString: RESOLUTION_DONE.name });
  } else if (isDone(from) && !isDone(to)) {
    items.push({ field: 'resolution', fieldId: 'resolution', fieldtype: 'jira', from: RESOLUTION_DONE.id, fromString: RESOLUTION_DONE.name, to: null, toString: null });
  }
  return items;
}

/** A select field change; Jira records option ids in from/to and values in the strings. */
export function selectItem(key: CustomFieldKey, from: string | null, to: string | null): SiteChangelogItem {
  return {
    field: fieldName(key),
    fieldId: CF[key],
    fieldtype: 'custom',
    from: from === null ? null : optionId(key, from),
    fromString: from,
    to: to === null ? null : optionId(key, to),
    toString: to,
  };
}

/** A number field change; Jira leaves from/to empty and writes the numbers as strings. */
export function numberItem(key: CustomFieldKey, from: number | null, to: number | null): SiteChangelogItem {
  return {
    field: fieldName(key),
    fieldId: CF[key],
    fieldtype: 'custom',
    from: null,
    fromString: from === null ? null : String(from),
    to: null,
    toString: to === null ? null : String(to),
  };
}

export function dueDateItem(from: Day | null, to: Day | null): SiteChangelogItem {
  const a = from === null ? null : formatDay(from);
  const b = to === null ? null : formatDay(to);
  return {
    field: 'duedate',
    fieldId: 'duedate',
    fieldtype: 'jira',
    from: a,
    fromString: a === null ? null : `${a} 00:00:00.0`,
    to: b,
    toString: b === null ? null : `${b} 00:00:00.0`,
  };
}

export function flaggedItem(on: boolean): SiteChangelogItem {
  const id = optionId('flagged', FLAG_IMPEDIMENT);
  return {
    field: fieldName('flagged'),
    fieldId: CF.flagged,
    fieldtype: 'custom',
    from: on ? null : `[${id}]`,
    fromString: on ? null : FLAG_IMPEDIMENT,
    to: on ? `[${id}]` : null,
    toString: on ? FLAG_IMPEDIMENT : null,
  };
}

/**
 * The changelog for a set of events: oldest first; events at the same instant by the same author
 * become one entry, as an edit screen saving several fields does. Entry ids are left empty for
 * the site builder to number.
 */
export function toChangelog(events: readonly ChangeEvent[]): SiteChangelogEntry[] {
  const sorted = events.length > 1 ? events.slice().sort((a, b) => a.at - b.at) : events;
  const entries: SiteChangelogEntry[] = [];
  let lastAt = Number.NaN;
  let lastAuthor = '';
  for (const event of sorted) {
    if (event.items.length === 0) continue;
    const previous = entries[entries.length - 1];
    if (previous && event.at === lastAt && event.author === lastAuthor) {
      previous.items.push(...event.items);
      continue;
    }
    entries.push({ id: '', authorAccountId: event.author, created: formatTimestamp(event.at), items: event.items.slice() });
    lastAt = event.at;
    lastAuthor = event.author;
  }
  return entries;
}
