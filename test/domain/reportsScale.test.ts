import { flowReport, forecast, resolveScope, valueTracking, weeklyReport } from '../../src/domain';
import type { FieldChange, TransformationModel } from '../../src/domain';
import { build, config } from './factories';
import { largeTransformation } from './largeTransformation';

const cfg = config();
const TODAY = '2026-03-10';
const PERIOD = { from: '2026-01-05', to: '2026-03-08' };
const CATEGORIES = { 'To Do': 'new', 'In Progress': 'indeterminate', 'In Review': 'indeterminate', Done: 'done' } as const;
/** Generous for a loaded CI machine; a quadratic step on 100,000 issues and 200,000 changes would take minutes. */
const BUDGET_MS = 3000;
const CHANGES = 200_000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

const instant = (dayOfYear: number, hour: number): string => new Date(Date.UTC(2026, 0, 1 + dayOfYear, hour)).toISOString();

/** Up to 200,000 changes: every story starts, done ones finish (some reopened first), teams move stages, values grow. */
function largeHistory(model: TransformationModel): FieldChange[] {
  const changes: FieldChange[] = [];
  let n = 0;
  for (const item of Object.values(model.items)) {
    n += 1;
    if (item.issueType === 'Team') {
      changes.push({ key: item.key, at: instant(n % 60, 9), concept: 'conversionStage', from: 'Not started', to: 'Piloting' });
      changes.push({ key: item.key, at: instant(10 + (n % 55), 9), concept: 'conversionStage', from: 'Piloting', to: item.fields.conversionStage as string });
    } else if (item.issueType === 'Initiative') {
      changes.push({ key: item.key, at: instant(n % 60, 8), concept: 'realisedValue', from: null, to: String(n) });
    } else if (item.issueType === 'Story') {
      const start = n % 50;
      changes.push({ key: item.key, at: instant(start, 10), concept: 'status', from: 'To Do', to: 'In Progress' });
      if (n % 4 === 0) changes.push({ key: item.key, at: instant(start + 1, 11), concept: 'status', from: 'In Progress', to: 'In Review' });
      if (item.statusCategory === 'done') changes.push({ key: item.key, at: instant(start + 3, 12), concept: 'status', from: 'In Review', to: 'Done' });
    }
  }
  for (let index = 0; changes.length < CHANGES; index += 1) changes.push({ key: `T${index % 1000}-1`, at: instant(index % 66, 13), concept: 'flagged', from: null, to: 'Impediment' });
  return changes.slice(0, CHANGES).reverse();
}

describe('the reports on 100,000 issues and 200,000 changes', () => {
  it('each report is computed in linear-looking time', () => {
    const model = build(largeTransformation(100_000));
    const history = largeHistory(model);
    expect(history).toHaveLength(CHANGES);
    const scope = resolveScope(model, null);
    expect(scope.itemKeys.size).toBeGreaterThan(95_000);
    const runs = {
      weekly: timed(() => weeklyReport(model, cfg, scope, history, CATEGORIES, PERIOD)),
      value: timed(() => valueTracking(model, cfg, scope, history, TODAY)),
      flow: timed(() => flowReport(model, cfg, scope, history, CATEGORIES, PERIOD)),
      forecast: timed(() => forecast(model, cfg, scope, history, CATEGORIES, TODAY, 1)),
    };
    const slow = Object.entries(runs).filter(([, run]) => run.ms >= BUDGET_MS).map(([name, run]) => `${name}: ${Math.round(run.ms)} ms`);
    expect(slow).toEqual([]);
    expect(runs.weekly.result.workstreams).toHaveLength(4);
    expect(runs.flow.result.overall.velocity).toBeGreaterThan(10_000);
    expect(runs.flow.result.byBox.length).toBeGreaterThan(1000);
    expect(runs.value.result.ungated).toHaveLength(40);
    expect(runs.forecast.result.initiatives).toHaveLength(40);
  });
});
