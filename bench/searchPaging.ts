/**
 * What one enhanced-search page costs the emulator on a large demo site: the app's full-build read (a fresh
 * `id > cursor ORDER BY id ASC` query per page, fields of the snapshot) and token paging of one query, over HTTP with
 * no latency, as ms per page and the process heap.
 *   npx tsx --expose-gc bench/searchPaging.ts            PAGING_SCALE=210 (≈ 300k issues) PAGING_PAGES=50
 */
import { z } from 'zod';
import { DEMO_USERS, generateDemoSite } from '../dev/demo/generate';
import { startEmulator } from '../dev/emulator';
import { BASE_FIELDS } from '../src/jira/issueMapper';
import { ANCHOR_DATE, SEED } from './scenarios/portfolio';

const SCALE = Number(process.env.PAGING_SCALE ?? 210);
const PAGES = Number(process.env.PAGING_PAGES ?? 50);

const pageSchema = z.object({ issues: z.array(z.object({ id: z.string() })), nextPageToken: z.string().optional(), isLast: z.boolean() });
type SearchPage = z.infer<typeof pageSchema>;

const log = (line: string) => process.stderr.write(`[paging] ${line}\n`);
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const summary = (label: string, ms: number[]) =>
  log(`${label}: first ${ms[0]?.toFixed(0)} ms, then median ${median(ms.slice(1)).toFixed(1)} ms, max ${Math.max(...ms.slice(1)).toFixed(1)} ms over ${ms.length - 1} pages; heap ${heapMb()} MB`);

async function main(): Promise<void> {
  let started = performance.now();
  const site = generateDemoSite({ seed: SEED, anchorDate: ANCHOR_DATE, scale: SCALE });
  log(`scale ${SCALE}: ${site.issues.length} issues generated in ${((performance.now() - started) / 1000).toFixed(1)} s; heap ${heapMb()} MB`);
  const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
  if (!admin) throw new Error('The demo site has no admin');
  const emulator = await startEmulator({ site });
  const authorization = `Basic ${Buffer.from(`${admin.emailAddress}:${admin.apiToken}`).toString('base64')}`;
  const fields = [...BASE_FIELDS, 'security', ...site.fields.filter((f) => f.custom).map((f) => f.id)];
  const search = async (body: Record<string, unknown>): Promise<SearchPage> => {
    const res = await fetch(`${emulator.url}/rest/api/3/search/jql`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    return pageSchema.parse(await res.json());
  };
  const timed = async (body: Record<string, unknown>, ms: number[]): Promise<SearchPage> => {
    started = performance.now();
    const page = await search(body);
    ms.push(performance.now() - started);
    return page;
  };
  try {
    const cursorMs: number[] = [];
    let cursor = 0;
    for (let i = 0; i < PAGES; i++) {
      const page = await timed({ jql: `id > ${cursor} ORDER BY id ASC`, fields, maxResults: 100 }, cursorMs);
      cursor = Number(page.issues.at(-1)?.id ?? cursor);
      if (page.isLast) break;
    }
    summary('app full build (id > cursor ORDER BY id ASC, fresh query a page)', cursorMs);
    const tokenMs: number[] = [];
    let nextPageToken: string | undefined;
    for (let i = 0; i < PAGES; i++) {
      const page = await timed({ jql: 'id > 0 ORDER BY id ASC', fields, maxResults: 100, ...(nextPageToken ? { nextPageToken } : {}) }, tokenMs);
      nextPageToken = page.nextPageToken;
      if (!nextPageToken) break;
    }
    summary('token paging (id > 0 ORDER BY id ASC)', tokenMs);
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
