import { flowReport, forecast, resolveScope, valueTracking, weeklyReport } from '../../src/domain';
import { build, config } from './factories';
import { LARGE_HISTORY_CHANGES, largeHistory, STATUS_CATEGORIES } from './largeHistory';
import { largeTransformation } from './largeTransformation';

const cfg = config();
const TODAY = '2026-03-10';
const PERIOD = { from: '2026-01-05', to: '2026-03-08' };

/** Correctness at scale; how long each report takes is measured by `npm run bench` (bench/scenarios/domainScale.ts). */
describe('the reports on 100,000 issues and 200,000 changes', () => {
  it('each report covers the whole portfolio and its history', () => {
    const model = build(largeTransformation(100_000));
    const history = largeHistory(model);
    expect(history).toHaveLength(LARGE_HISTORY_CHANGES);
    const scope = resolveScope(model, null);
    expect(scope.itemKeys.size).toBeGreaterThan(95_000);
    expect(weeklyReport(model, cfg, scope, history, STATUS_CATEGORIES, PERIOD).workstreams).toHaveLength(4);
    const flow = flowReport(model, cfg, scope, history, STATUS_CATEGORIES, PERIOD);
    expect(flow.overall.velocity).toBeGreaterThan(10_000);
    expect(flow.byBox.length).toBeGreaterThan(1000);
    expect(valueTracking(model, cfg, scope, history, TODAY).ungated).toHaveLength(40);
    expect(forecast(model, cfg, scope, history, STATUS_CATEGORIES, TODAY, 1).initiatives).toHaveLength(40);
  });
});
