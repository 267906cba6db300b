import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { DEFAULT_CONFIG, flowReport, forecast, resolveScope, valueTracking, weeklyReport } from '../../src/domain';
import { REPORT_KEYS, type FlowReportDto, type ForecastDto, type ResolverResponse, type ValueTrackingDto, type WeeklyReportDto } from '../../src/contract';
import { expectedHistory, expectedModel } from '../support/expectedModel';
import { GLOBAL_PAGE, startTestPlatform, testSite } from '../support/platform';

const WHOLE = { projectKey: null };
/** The month before the test site's "today" (2026-06-01), where its history is busy. */
const MAY = { from: '2026-05-01', to: '2026-05-31' };

/** Reports through the real handler (changelog read over HTTP) equal the domain core on the site's own history. */
describe('report resolvers over HTTP against the Jira emulator', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
  });
  afterAll(() => platform.close());

  async function call<T>(key: string, payload: unknown): Promise<T> {
    const response = (await platform.runtime.invoke({ functionKey: key, payload, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<T>;
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  }
  const expected = (readAt: string) => {
    const model = expectedModel(site, DEMO_USERS.admin, readAt);
    return { model, scope: resolveScope(model, null), ...expectedHistory(site, DEMO_USERS.admin) };
  };

  it('weekly report: what moved in the period, per workstream, as the domain computes it', async () => {
    const report = await call<WeeklyReportDto>(REPORT_KEYS.weekly, { scope: WHOLE, period: MAY });
    const e = expected(new Date().toISOString());
    const direct = weeklyReport(e.model, DEFAULT_CONFIG, e.scope, e.history, e.statusCategories, MAY);
    expect(report.period).toEqual(MAY);
    expect(report.workstreams.map((w) => w.name).sort()).toEqual(direct.workstreams.map((w) => w.name).sort());
    expect(report.overall.teamsConvertedBefore).toBe(direct.overall.teamsConvertedBefore);
    expect(report.overall.teamsConvertedAfter).toBe(direct.overall.teamsConvertedAfter);
    expect(report.overall.converted.map((m) => m.key).sort()).toEqual(direct.overall.converted.map((m) => m.key).sort());
    expect(report.overall.milestonesDone.length).toBe(direct.overall.milestonesDone.length);
    expect(report.overall.progressDeltaText).toBe(direct.overall.progressDeltaText);
    expect(report.overall.teamsConvertedAfter).toBeGreaterThanOrEqual(report.overall.teamsConvertedBefore - report.overall.slipped.length);
  });

  it('value, flow and forecast match the domain core', async () => {
    const value = await call<ValueTrackingDto>(REPORT_KEYS.value, { scope: WHOLE });
    const flow = await call<FlowReportDto>(REPORT_KEYS.flow, { scope: WHOLE, period: MAY });
    const fc = await call<ForecastDto>(REPORT_KEYS.forecast, { scope: WHOLE });
    const today = new Date().toISOString().slice(0, 10);
    const e = expected(new Date().toISOString());
    const v = valueTracking(e.model, DEFAULT_CONFIG, e.scope, e.history, today);
    expect(value.pipeline).toEqual(v.pipeline);
    expect(value.byWorkstream).toEqual(v.byWorkstream);
    expect(value.pipeline.reduce((n, g) => n + g.count, 0) + value.ungated.length).toBe(12);
    const f = flowReport(e.model, DEFAULT_CONFIG, e.scope, e.history, e.statusCategories, MAY);
    expect(flow.overall).toEqual(f.overall);
    expect(flow.overall.velocity).toBeGreaterThan(0);
    expect(fc.method).toMatch(/simulated futures/);
    expect(fc.teamsConverted.remaining).toBe(forecast(e.model, DEFAULT_CONFIG, e.scope, e.history, e.statusCategories, today, 20_260_101).teamsConverted.remaining);
  });

  it('refuses a period that ends before it starts or is not a date', async () => {
    await expect(call(REPORT_KEYS.weekly, { scope: WHOLE, period: { from: '2026-05-31', to: '2026-05-01' } })).rejects.toThrow('BAD_REQUEST: Invalid request: period.to: the period must not end before it starts');
    await expect(call(REPORT_KEYS.flow, { scope: WHOLE, period: { from: '2026-02-30', to: '2026-03-01' } })).rejects.toThrow(/period.from: is not a real date/);
    // Year 0000 is no day the reports can read: refused, never quietly replaced by today's period.
    await expect(call(REPORT_KEYS.weekly, { scope: WHOLE, period: { from: '0000-01-01', to: '0000-01-07' } })).rejects.toThrow(/period.from: is not a real date/);
  });
});
