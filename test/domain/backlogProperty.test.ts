import fc from 'fast-check';
import { backlogPage, resolveScope, scopeSummary } from '../../src/domain';
import type { BacklogColumn, BacklogItem, BacklogQuery, StatusCategory, TransformationModel, WorkItem } from '../../src/domain';
import { build, config, team, workItem, workstream } from './factories';

const TODAY = '2026-03-10';
const cfg = config();
const WORDS = ['alpha', 'beta', 'Gamma', 'delta', 'itm-1', 'ann', 'mobile'];
const BOXES = [workstream('WS-1'), workstream('WS-2'), team('TEAM-1', 'WS-1', 'Converted'), team('TEAM-2', 'WS-2')];
const COLUMNS: BacklogColumn[] = ['key', 'summary', 'type', 'status', 'assignee', 'labels', 'box', 'start', 'due', 'storyPoints', 'riskBand', 'schedule'];

const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const itemShape = fc.record({
  parent: fc.oneof(fc.constantFrom<string | null>(null, 'WS-1', 'WS-2', 'TEAM-1', 'TEAM-2'), fc.nat(40).map((n) => `ITM-${n}`)),
  type: fc.constantFrom('Story', 'Epic', 'Risk', 'Milestone', 'bug'),
  category: fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done'),
  summary: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((words) => words.join(' ')),
  assignee: fc.option(fc.constantFrom('Ann', 'Bob'), { nil: null }),
  labels: fc.subarray(['mobile', 'web', 'Alpha']),
  due: fc.option(fc.constantFrom('2026-03-09', '2026-03-10', '2026-03-11', '2025-12-31'), { nil: null }),
  points: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  likelihood: level,
  impact: level,
});

function toItems(shapes: Array<typeof itemShape extends fc.Arbitrary<infer T> ? T : never>): WorkItem[] {
  return shapes.map((shape, i) =>
    workItem({
      key: `ITM-${i}`,
      parentKey: shape.parent,
      issueType: shape.type,
      statusCategory: shape.category,
      status: shape.category,
      summary: shape.summary,
      assignee: shape.assignee,
      labels: shape.labels,
      fields: { dueDate: shape.due, storyPoints: shape.points, riskLikelihood: shape.likelihood, riskImpact: shape.impact },
    }),
  );
}

const query: fc.Arbitrary<BacklogQuery> = fc.record(
  {
    text: fc.array(fc.constantFrom(...WORDS, ' ', 'ANN'), { maxLength: 2 }).map((words) => ` ${words.join(' ')} `),
    boxId: fc.constantFrom('root', 'WS-1', 'WS-2', 'TEAM-1', 'TEAM-2', 'NOPE'),
    statusCategory: fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done'),
    type: fc.constantFrom('story', 'Risk', ' MILESTONE ', 'Bug'),
    riskBand: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'critical' as const),
    drill: fc.constantFrom('late' as const, 'done' as const, 'risks' as const, 'milestones' as const),
    sort: fc.record({ column: fc.constantFrom(...COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  },
  { requiredKeys: [] },
);

/** The oracle, written apart from the code: does this issue belong in the answer to the query? */
function expected(model: TransformationModel, item: WorkItem, q: BacklogQuery): boolean {
  const lower = (text: string) => text.toLowerCase();
  const words = (q.text ?? '').trim().split(/\s+/).filter(Boolean).map(lower);
  const haystacks = [item.key, item.summary, item.assignee ?? '', ...item.labels].map(lower);
  if (!words.every((word) => haystacks.some((hay) => hay.includes(word)))) return false;
  if (q.statusCategory !== undefined && item.statusCategory !== q.statusCategory) return false;
  if (q.type !== undefined && lower(q.type.trim()) !== lower(item.issueType)) return false;
  if (q.boxId !== undefined && !isAtOrBelow(model, boxOfItem(model, item.key), q.boxId)) return false;
  const due = item.fields.dueDate;
  const isRisk = item.issueType === 'Risk';
  const l = item.fields.riskLikelihood;
  const i = item.fields.riskImpact;
  const score = isRisk && typeof l === 'number' && typeof i === 'number' ? l * i : null;
  const band = score === null ? null : score >= 16 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
  if (q.riskBand !== undefined && band !== q.riskBand) return false;
  if (q.drill === 'late' && !(item.statusCategory !== 'done' && typeof due === 'string' && due < TODAY)) return false;
  if (q.drill === 'done' && !countsAsAdvanced(model, item, isRisk)) return false;
  if (q.drill === 'risks' && !isRisk) return false;
  if (q.drill === 'milestones' && item.issueType !== 'Milestone') return false;
  return true;
}

/** The "Transformation advanced" drill: done work in a box, never a risk, measured in the figure's unit. */
function countsAsAdvanced(model: TransformationModel, item: WorkItem, isRisk: boolean): boolean {
  if (item.statusCategory !== 'done' || isRisk || boxOfItem(model, item.key) === 'none') return false;
  const unit = scopeSummary(model, resolveScope(model, null)).progress.method;
  const points = item.fields.storyPoints;
  return unit !== 'storyPoints' || (typeof points === 'number' && points > 0);
}

function boxOfItem(model: TransformationModel, key: string): string {
  return Object.values(model.boxes).find((box) => box.itemKeys.includes(key))?.id ?? 'none';
}

function isAtOrBelow(model: TransformationModel, boxId: string, topId: string): boolean {
  for (let id: string | null = boxId; id !== null; id = model.boxes[id]?.parentId ?? null) if (id === topId) return true;
  return false;
}

function sortValue(item: BacklogItem, column: BacklogColumn): string | number | null {
  const ranks = { low: 0, medium: 1, high: 2, critical: 3, late: 0, onTrack: 1, unscheduled: 2, done: 3 };
  if (column === 'riskBand') return item.riskBand === null ? null : ranks[item.riskBand];
  if (column === 'schedule') return ranks[item.schedule];
  if (column === 'storyPoints') return item.storyPoints;
  return null; // text columns are checked by the example tests
}

function allPages(model: TransformationModel, q: BacklogQuery, pageSize: number): BacklogItem[] {
  const scope = resolveScope(model, null);
  const items: BacklogItem[] = [];
  for (let page = 0; ; page += 1) {
    const answer = backlogPage(model, cfg, scope, { ...q, page, pageSize }, TODAY);
    items.push(...answer.items);
    if (answer.items.length < pageSize) return items;
  }
}

describe('backlog filtering and paging (property)', () => {
  it('returns exactly the issues the filters accept, and pages that add up to the whole answer', () => {
    fc.assert(
      fc.property(fc.array(itemShape, { maxLength: 40 }), query, fc.integer({ min: 1, max: 7 }), (shapes, q, pageSize) => {
        const model = build([...BOXES, ...toItems(shapes)]);
        const whole = backlogPage(model, cfg, resolveScope(model, null), { ...q, pageSize: 200 }, TODAY);
        const wanted = Object.values(model.items).filter((item) => !(item.key in model.boxes) && expected(model, item, q));

        for (const row of whole.items) {
          const item = model.items[row.key];
          expect(item).toBeDefined();
          if (item !== undefined) expect(expected(model, item, q)).toBe(true);
        }
        expect(whole.total).toBe(wanted.length);
        expect(new Set(whole.items.map((row) => row.key))).toEqual(new Set(wanted.map((item) => item.key)));
        expect(allPages(model, q, pageSize)).toEqual(whole.items);

        if (q.sort !== undefined) {
          const values = whole.items.map((row) => sortValue(row, q.sort?.column ?? 'key'));
          const sign = q.sort.direction === 'asc' ? 1 : -1;
          for (let k = 1; k < values.length; k += 1) {
            const [a, b] = [values[k - 1] ?? null, values[k] ?? null];
            if (a === null) expect(b).toBeNull();
            else if (typeof a === 'number' && typeof b === 'number') expect(sign * (b - a)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
