import fc from 'fast-check';
import { buildTransformationModel, DEFAULT_REPORTS_CONFIG, forecast, resolveScope, seededRandom, simulate } from '../../src/domain';
import type { FieldChange, ForecastLine, WorkItem } from '../../src/domain';
import { config, initiative, story } from './factories';

const TODAY = '2026-03-10';
const cfg = { ...config(), reports: { ...DEFAULT_REPORTS_CONFIG, forecastTrials: 200 } };
const categories = { 'To Do': 'new', Done: 'done' } as const;

/** An initiative with items finished `daysAgo` days before today (0..120) and `open` items not done. */
const shapes = fc.record({
  finished: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
  open: fc.integer({ min: 0, max: 40 }),
  dueInDays: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
  seed: fc.integer(),
});

function ordered(line: ForecastLine): boolean {
  const dates = [line.p50, line.p85, line.p95];
  const known = dates.filter((date): date is string => date !== null);
  // Nulls (never) come last, and the known dates do not go down.
  const nullsLast = dates.every((date, index) => date !== null || dates.slice(index).every((later) => later === null));
  return nullsLast && known.every((date, index) => index === 0 || (known[index - 1] as string) <= date);
}

describe('the forecast, for any history', () => {
  it('has p50 ≤ p85 ≤ p95, a probability in [0, 1], and the same answer for the same seed', () => {
    fc.assert(
      fc.property(shapes, ({ finished, open, dueInDays, seed }) => {
        const due = dueInDays === null ? null : new Date(Date.parse(`${TODAY}T00:00:00Z`) + dueInDays * 86_400_000).toISOString().slice(0, 10);
        const items: WorkItem[] = [initiative('C-1', null, { fields: due === null ? {} : { dueDate: due } })];
        const changes: FieldChange[] = [];
        finished.forEach((daysAgo, index) => {
          items.push(story(`F-${index}`, 'C-1', null, { status: 'Done', statusCategory: 'done', created: '2025-01-01T00:00:00Z' }));
          changes.push({ key: `F-${index}`, at: new Date(Date.parse(`${TODAY}T12:00:00Z`) - daysAgo * 86_400_000).toISOString(), concept: 'status', from: 'To Do', to: 'Done' });
        });
        for (let index = 0; index < open; index += 1) items.push(story(`O-${index}`, 'C-1'));
        const model = buildTransformationModel(items, cfg, { now: `${TODAY}T12:00:00Z` });
        const run = () => forecast(model, cfg, resolveScope(model, null), changes, categories, TODAY, seed);
        const result = run();
        const line = result.initiatives[0] as ForecastLine;
        expect(line.remaining).toBe(open);
        expect(ordered(line)).toBe(true);
        if (line.probabilityByPlanned !== null) expect(line.probabilityByPlanned >= 0 && line.probabilityByPlanned <= 1).toBe(true);
        expect(line.probabilityByPlanned === null).toBe(due === null);
        if (open === 0) expect(line.p50).toBe(TODAY);
        expect(run()).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });

  it('simulate keeps the same order for any samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 60 }), fc.integer(), (samples, remaining, seed) => {
        const line = simulate({ remaining, samples, today: TODAY, plannedDate: '2026-06-30', trials: 100, random: seededRandom(seed) });
        expect(ordered({ key: null, name: '', remaining, plannedDate: '2026-06-30', ...line })).toBe(true);
        expect((line.probabilityByPlanned ?? -1) >= 0 && (line.probabilityByPlanned ?? 2) <= 1).toBe(true);
        if (samples.every((sample) => sample === 0) && remaining > 0) expect(line).toEqual({ p50: null, p85: null, p95: null, probabilityByPlanned: 0 });
      }),
      { numRuns: 200 },
    );
  });
});
