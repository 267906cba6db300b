import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../dev/demo/generate';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';
import { FORGE_KVS_QUOTA, type MeteredResponse } from '../../dev/runtime/kvs';
import type { InvocationReport } from '../../dev/runtime/runtime';
import { PANEL_KEYS, type ResolverResponse } from '../../src/contract';
import { GLOBAL_PAGE, testSite } from '../support/platform';

const WHOLE = { projectKey: null };
const PAGE_LOADS = [
  { name: 'summary', functionKey: PANEL_KEYS.summary, payload: { scope: WHOLE } },
  { name: 'roadmap', functionKey: PANEL_KEYS.roadmap, payload: { scope: WHOLE } },
  { name: 'backlog', functionKey: PANEL_KEYS.backlog, payload: { scope: WHOLE, query: {} } },
] as const;

/** The real app on the local platform under Forge's KVS quota, with the KVS clock in the test's hands. */
describe('pages under Forge storage quotas', () => {
  let platform: LocalPlatform;
  let now = Date.UTC(2026, 5, 1, 9, 0, 0);

  beforeAll(async () => {
    platform = await startLocalPlatform({
      site: testSite(),
      appAccountId: DEMO_USERS.app,
      switcherAccountIds: [DEMO_USERS.admin],
      kvsFile: path.join(mkdtempSync(path.join(tmpdir(), 'to-kvs-')), 'kvs.json'),
      events: 'manual',
      kvsClock: () => now,
      // Latency does not change what is charged.
      kvsLatencyMs: 0,
    });
    await platform.install();
    await platform.runtime.events.drain();
    await platform.runtime.idle();
    now += 60_000; // the build's traffic leaves the window
  });
  afterAll(() => platform.close());

  async function call(functionKey: string, payload: unknown): Promise<{ response: ResolverResponse<unknown>; report: InvocationReport }> {
    const response = (await platform.runtime.invoke({ functionKey, payload, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<unknown>;
    const report = platform.runtime.reports.filter((r) => r.kind === 'resolver').at(-1);
    if (!report) throw new Error('no report');
    return { response, report };
  }

  it('reports, for each invocation, the KVS requests it sent and exactly the units the store charged them', async () => {
    const handle = jest.spyOn(platform.runtime.kvs, 'handle');
    try {
      const { response, report } = await call(PANEL_KEYS.summary, { scope: WHOLE });
      expect(response.success).toBe(true);
      const charged = await Promise.all(handle.mock.results.map((r) => r.value as Promise<MeteredResponse>));
      expect(charged.length).toBeGreaterThan(0);
      expect(report).toMatchObject({
        outcome: 'ok',
        kvsRequests: charged.length,
        kvsReadUnits: charged.reduce((sum, r) => sum + r.charge.readUnits, 0),
        kvsWriteUnits: charged.reduce((sum, r) => sum + r.charge.writeUnits, 0),
      });
      expect(report.kvsReadUnits).toBeGreaterThan(0);
    } finally {
      handle.mockRestore();
    }
  });

  it('answers a page load that Forge storage rate-limits with the clear message, and the page loads again a minute later', async () => {
    now += 60_000;
    const [summary, roadmap, backlog] = PAGE_LOADS;
    const first = await call(summary.functionKey, summary.payload);
    expect(first.response).toMatchObject({ success: true });
    // The minute's reads are used up: every further read this minute is refused with 429 RATE_LIMIT_EXCEEDED.
    platform.runtime.kvs.setQuota({ readUnitsPerMinute: first.report.kvsReadUnits });

    for (const panel of [roadmap, backlog]) {
      const { response, report } = await call(panel.functionKey, panel.payload);
      expect(response).toEqual({ success: false, error: { code: 'STORAGE_RATE_LIMITED', message: 'Forge storage is rate-limiting the app; figures will be back in about a minute.' } });
      // The resolver answered: the invocation did not fail, and the refused requests cost nothing.
      expect(report).toMatchObject({ outcome: 'ok', kvsReadUnits: 0 });
    }

    // A quota of one summary's reads a minute: each panel loads again in the next minute.
    for (const panel of [roadmap, backlog]) {
      now += 60_000;
      expect((await call(panel.functionKey, panel.payload)).response).toMatchObject({ success: true });
    }
    platform.runtime.kvs.setQuota({ readUnitsPerMinute: FORGE_KVS_QUOTA.readUnitsPerMinute });
  });
});
