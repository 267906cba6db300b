/**
 * The domain core at scale, in this process: each panel and each report computed from a model of 100,000 issues
 * (and 200,000 changes for the reports), plus the model build of a chain 100,000 issues deep. Medians of a few runs.
 * These were timed tests once; timings belong here, where a loaded machine skews a figure instead of failing CI.
 */
import { backlogPage, flowReport, forecast, resolveScope, riskMatrix, roadmap, scheduleCounts, scopeSummary, teamRows, valueTracking, weeklyReport } from '../../src/domain';
import { build, config, workItem, workstream } from '../../test/domain/factories';
import { largeHistory, STATUS_CATEGORIES } from '../../test/domain/largeHistory';
import { largeTransformation } from '../../test/domain/largeTransformation';
import { median } from '../measure';

export interface DomainTiming {
  name: string;
  medianMs: number;
}

export interface DomainScaleFigures {
  issues: number;
  changes: number;
  repetitions: number;
  timings: DomainTiming[];
}

const TODAY = '2026-03-10';
const PERIOD = { from: '2026-01-05', to: '2026-03-08' };

function timeMedian(repetitions: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    globalThis.gc?.();
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function measureDomainScale(repetitions = 3): DomainScaleFigures {
  const cfg = config();
  const items = largeTransformation(100_000);
  const model = build(items);
  const scope = resolveScope(model, null);
  const history = largeHistory(model);
  const chain = [workstream('WS-1'), ...Array.from({ length: 100_000 }, (_, i) => workItem({ key: `C-${i}`, parentKey: i === 0 ? 'WS-1' : `C-${i - 1}` }))];
  const runs: Array<[string, () => unknown]> = [
    ['model build, 100,000 issues', () => build(items, cfg)],
    ['model build, a chain 100,000 issues deep', () => build(chain, cfg)],
    ['scope of the whole transformation', () => resolveScope(model, null)],
    ['scope of one project', () => resolveScope(model, 'T7')],
    ['top row summary', () => scopeSummary(model, scope)],
    ['schedule counts', () => scheduleCounts(model, scope, TODAY)],
    ['roadmap rows', () => roadmap(model, cfg, scope, TODAY)],
    ['risk matrix', () => riskMatrix(model, cfg, scope)],
    ['teams converted rows', () => teamRows(model, cfg, scope)],
    ['backlog: text search, sorted by summary, page 4', () => backlogPage(model, cfg, scope, { text: 'payments person', sort: { column: 'summary', direction: 'desc' }, page: 3 }, TODAY)],
    ['backlog: every issue sorted by key', () => backlogPage(model, cfg, scope, { sort: { column: 'key', direction: 'asc' } }, TODAY)],
    ['weekly report', () => weeklyReport(model, cfg, scope, history, STATUS_CATEGORIES, PERIOD)],
    ['value tracking', () => valueTracking(model, cfg, scope, history, TODAY)],
    ['flow report', () => flowReport(model, cfg, scope, history, STATUS_CATEGORIES, PERIOD)],
    ['forecast (Monte Carlo)', () => forecast(model, cfg, scope, history, STATUS_CATEGORIES, TODAY, 1)],
  ];
  return { issues: items.length, changes: history.length, repetitions, timings: runs.map(([name, run]) => ({ name, medianMs: timeMedian(repetitions, run) })) };
}
