import { unknownUserJson, userJson } from './representations';
import type { SiteChangelogEntry, SiteChangelogItem } from './siteData';
import type { SiteView } from './siteView';

/** A changelog entry as Jira's `Changelog` shape. Jira sends null (not nothing) for absent from/to values. */
export function historyJson(view: SiteView, base: string, entry: SiteChangelogEntry, items: SiteChangelogItem[] = entry.items): Record<string, unknown> {
  const author = view.userById(entry.authorAccountId);
  return {
    id: entry.id,
    author: author ? userJson(base, author) : unknownUserJson(base, entry.authorAccountId),
    created: entry.created,
    items: items.map((item) => ({
      field: item.field,
      fieldtype: item.fieldtype,
      ...(item.fieldId === undefined ? {} : { fieldId: item.fieldId }),
      from: item.from,
      fromString: item.fromString,
      to: item.to,
      toString: item.toString,
    })),
  };
}
