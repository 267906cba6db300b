import type { SiteData, SiteIssue } from './siteData';
import { siteRevision } from './siteRevision';

export interface BlockLink {
  /** Same id on both ends of the link, as Jira has one link record. */
  linkId: string;
  other: SiteIssue;
}

export interface BlockLinks {
  outward: Map<string, BlockLink[]>;
  inward: Map<string, BlockLink[]>;
}

/** The order of `ORDER BY id`: numerically, then as text. */
export const compareIssueIds = (a: SiteIssue, b: SiteIssue): number => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The site's issues by id, by key and in id order, and its Blocks links: what every request looks issues up in. Built
 * once per state of the site's issues, not per request, so that a request on a large site costs what it touches.
 */
export class SiteIndex {
  readonly byKey = new Map<string, SiteIssue>();
  readonly byId = new Map<string, SiteIssue>();
  private idOrder?: SiteIssue[];
  private links?: BlockLinks;

  constructor(
    readonly issues: readonly SiteIssue[],
    readonly revision: number,
    readonly length: number,
  ) {
    for (const issue of issues) {
      this.byKey.set(issue.key.toUpperCase(), issue);
      this.byId.set(issue.id, issue);
    }
  }

  /** Whether the site's issues are still what this index was built from. */
  describes(site: SiteData): boolean {
    return site.issues === this.issues && site.issues.length === this.length && siteRevision(site) === this.revision;
  }

  inIdOrder(): readonly SiteIssue[] {
    this.idOrder ??= [...this.issues].sort(compareIssueIds);
    return this.idOrder;
  }

  /** Link ids are numbered in site order, so they stay the same for as long as the issues do. */
  blockLinks(): BlockLinks {
    if (this.links) return this.links;
    const outward = new Map<string, BlockLink[]>();
    const inward = new Map<string, BlockLink[]>();
    let next = 10000;
    for (const issue of this.issues) {
      for (const blockedKey of issue.blocks) {
        const blocked = this.byId.get(blockedKey) ?? this.byKey.get(blockedKey.toUpperCase());
        if (!blocked) continue;
        const linkId = String(next++);
        push(outward, issue.id, { linkId, other: blocked });
        push(inward, blocked.id, { linkId, other: issue });
      }
    }
    this.links = { outward, inward };
    return this.links;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<SiteData, SiteIndex>();

/**
 * The index of the site as it is now. Writes through the emulator bump the site's revision; a change made straight to
 * `site.issues` is noticed when it adds or removes issues; other edits made straight to issues are read live but not
 * re-indexed (their links), which only tests do.
 */
export function siteIndex(site: SiteData): SiteIndex {
  const known = indexes.get(site);
  if (known?.describes(site)) return known;
  const built = new SiteIndex(site.issues, siteRevision(site), site.issues.length);
  indexes.set(site, built);
  return built;
}
