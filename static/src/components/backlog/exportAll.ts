/** Every row matching a query, page after page, up to a cap: what the CSV export holds. No React here. */
import type { BacklogItemDto, BacklogPageDto, BacklogQueryDto } from '../../../../src/contract';

export const EXPORT_CAP = 10_000;
/** The most the resolver gives in one page. */
export const EXPORT_PAGE_SIZE = 200;

export interface ExportResult {
  items: BacklogItemDto[];
  total: number;
  /** True when more rows matched than the cap allows. */
  capped: boolean;
}

/** Fetches pages from the first until `total` (or the cap) is reached; stops early on an empty page. */
export async function collectAll(search: (query: BacklogQueryDto) => Promise<BacklogPageDto>, query: BacklogQueryDto, cap: number = EXPORT_CAP): Promise<ExportResult> {
  const items: BacklogItemDto[] = [];
  let total = 0;
  for (let page = 0; ; page += 1) {
    const result = await search({ ...query, page, pageSize: EXPORT_PAGE_SIZE });
    total = result.total;
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= Math.min(total, cap)) break;
  }
  return { items: items.slice(0, cap), total, capped: total > cap };
}
