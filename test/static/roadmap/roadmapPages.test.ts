import type { DependencyDto, RoadmapDto } from '../../../src/contract';
import { MAX_ROWS_KEPT, PAGE_ROWS, RoadmapPages, type PageRequest } from '../../../static/src/components/roadmap/roadmapPages';
import { ALL_COLLAPSED, collapseQuery, NOTHING_COLLAPSED, toggleCollapse } from '../../../static/src/components/roadmap/collapseState';
import { row } from './rows';

const TOTAL = 1000;
const scope = { projectKey: null };

/** The server's answer for a window of a roadmap of TOTAL rows named by their index (and a tag per question). */
function answer(request: PageRequest, tag = '', total = TOTAL): RoadmapDto {
  const { offset, limit } = request.query.window ?? { offset: 0, limit: 300 };
  const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `${tag}R${offset + i}`);
  const dependency: DependencyDto = {
    fromRowId: 'R0', toRowId: `R${offset}`, fromKey: 'K-0', toKey: `K-${offset}`, violated: false,
    fromIndex: 0, toIndex: offset, fromDates: { start: null, due: null }, toDates: { start: null, due: null },
  };
  return {
    today: '2026-03-10',
    totalRows: total,
    offset,
    rows: ids.map((id) => row(id, null, 0)),
    timeline: { first: '2026-01-01', last: '2026-12-31' },
    milestones: ids.length ? [{ key: `M-${offset}`, name: 'M', due: null, rowId: ids[0] as string, schedule: 'unscheduled' }] : [],
    dependencies: [dependency],
    unscheduled: { rows: [], rowCount: 0, milestones: [], milestoneCount: 0 },
    omitted: { milestones: 0, dependencies: 0 },
  };
}

/** Every request the pages would start now. */
function drain(pages: RoadmapPages): PageRequest[] {
  const requests: PageRequest[] = [];
  for (let next = pages.nextRequest(); next !== null; next = pages.nextRequest()) requests.push(next);
  return requests;
}

describe('roadmap pages', () => {
  it('reads the same question again after an edit, keeping the rows shown until the new answer, and drops the old read', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    const stale = first as PageRequest;
    pages.reread();
    const [again] = drain(pages);
    expect(again?.query).toEqual(stale.query);
    expect(pages.settle(stale, { answer: answer(stale, 'old') })).toBe(false);
    pages.settle(again as PageRequest, { answer: answer(again as PageRequest, 'A') });
    pages.reread();
    // The rows read before stay on screen while the next read is on its way.
    expect(pages.view().rowAt(0)?.id).toBe('AR0');
    expect(pages.view().busy).toBe(true);
    const [third] = drain(pages);
    pages.settle(third as PageRequest, { answer: answer(third as PageRequest, 'B') });
    expect(pages.view().rowAt(0)?.id).toBe('BR0');
  });

  it('starts with the first page, then shows its rows and placeholders beyond', () => {
    const pages = new RoadmapPages({ scope });
    expect(pages.view()).toMatchObject({ latest: null, totalRows: 0, error: null });
    const [first, ...more] = drain(pages);
    expect(more).toEqual([]);
    expect(first?.query).toEqual({ scope, window: { offset: 0, limit: PAGE_ROWS } });
    pages.settle(first as PageRequest, { answer: answer(first as PageRequest) });
    const view = pages.view();
    expect(view.totalRows).toBe(TOTAL);
    expect(view.rowAt(199)?.id).toBe('R199');
    expect(view.rowAt(200)).toBeUndefined();
    expect(view.failedAt(200)).toBe(false);
    expect(view.milestonesByRow.get('R0')?.map((m) => m.key)).toEqual(['M-0']);
  });

  it('fetches the pages around the viewport, a neighbour near an edge, at most two at a time', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    pages.settle(first as PageRequest, { answer: answer(first as PageRequest) });
    pages.want(590, 620); // page 2 and 3, and page 2's neighbour … page 3's is far
    const asked = drain(pages).map((r) => r.page);
    expect(asked).toEqual([2, 3]);
    expect(drain(pages)).toEqual([]); // two in flight already
    pages.want(10, 30);
    expect(drain(pages)).toEqual([]);
  });

  it('asks for every page a long scroll ends on, not those it passed', () => {
    const pages = new RoadmapPages({ scope });
    const requests: PageRequest[] = drain(pages);
    for (let top = 0; top < TOTAL; top += 37) pages.want(top, top + 20);
    // Page 0 and the first page wanted after it are in flight; the rest wait for the viewport's pages.
    for (const request of requests) pages.settle(request, { answer: answer(request) });
    const next = drain(pages).map((r) => r.page);
    expect(next).toEqual([4]);
  });

  it('is busy while a page on screen is not yet asked for (a fast scroll asks once it slows), and says when that changes', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    pages.settle(first as PageRequest, { answer: answer(first as PageRequest) });
    expect(pages.view().busy).toBe(false);
    expect(pages.want(600, 620)).toBe(true);
    expect(pages.view().busy).toBe(true);
    expect(pages.want(610, 630)).toBe(false); // still busy: nothing for the grid to redraw
    const waiting = drain(pages);
    for (const request of waiting) pages.settle(request, { answer: answer(request) });
    expect(pages.view().busy).toBe(false);
    expect(pages.want(0, 20)).toBe(false); // page 0 is held
  });

  it('keeps a dependency that two pages carry once, and keeps only a few pages', () => {
    const pages = new RoadmapPages({ scope });
    for (let top = 0; top < TOTAL; top += PAGE_ROWS) {
      pages.want(top, top + 20);
      for (const request of drain(pages)) pages.settle(request, { answer: answer(request) });
    }
    const view = pages.view();
    expect(view.dependencies.map((d) => d.toRowId)).toEqual(expect.arrayContaining(['R0', 'R800']));
    expect(new Set(view.dependencies.map((d) => `${d.fromRowId}>${d.toRowId}`)).size).toBe(view.dependencies.length);
    expect(view.rowAt(900)?.id).toBe('R900');
  });

  it('keeps every page of a scroll through 5,000 rows, so scrolling back fetches nothing again', () => {
    const total = 5600;
    const pages = new RoadmapPages({ scope });
    const fetched: number[] = [];
    const scroll = (from: number, to: number, step: number) => {
      for (let top = from; step > 0 ? top <= to : top >= to; top += step) {
        pages.want(Math.max(0, top), Math.min(total - 1, top + 40));
        for (let request = pages.nextRequest(); request !== null; request = pages.nextRequest()) {
          fetched.push(request.page);
          pages.settle(request, { answer: answer(request, '', total) });
        }
      }
    };
    scroll(0, 5000, 20);
    expect(MAX_ROWS_KEPT).toBeGreaterThanOrEqual(5000 + 2 * PAGE_ROWS);
    expect(new Set(fetched).size).toBe(fetched.length);
    const once = fetched.length;
    scroll(5000, 0, -20);
    scroll(0, 5000, 20);
    expect(fetched.length).toBe(once);
    expect(pages.view().rowAt(0)?.id).toBe('R0');
    expect(pages.view().rowAt(5000)?.id).toBe('R5000');
  });

  it('keeps no more than its bound of rows: the pages furthest from the viewport go', () => {
    const total = MAX_ROWS_KEPT * 2;
    const pages = new RoadmapPages({ scope });
    for (let top = 0; top < total; top += PAGE_ROWS) {
      pages.want(top, top + 20);
      for (let request = pages.nextRequest(); request !== null; request = pages.nextRequest()) pages.settle(request, { answer: answer(request, '', total) });
    }
    const view = pages.view();
    const held = Array.from({ length: total / PAGE_ROWS }, (_, page) => view.rowAt(page * PAGE_ROWS) !== undefined).filter(Boolean).length;
    expect(held * PAGE_ROWS).toBeLessThanOrEqual(MAX_ROWS_KEPT);
    expect(view.rowAt(total - 1)).toBeDefined();
    expect(view.rowAt(0)).toBeUndefined();
  });

  it('hands the grid the same milestone lists and dependencies until another answer comes', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    pages.settle(first as PageRequest, { answer: answer(first as PageRequest) });
    const before = pages.view();
    pages.want(400, 420);
    const [second] = drain(pages); // a request starting changes what is busy, not what is drawn
    const during = pages.view();
    expect(during.dependencies).toBe(before.dependencies);
    expect(during.milestonesByRow.get('R0')).toBe(before.milestonesByRow.get('R0'));
    pages.settle(second as PageRequest, { answer: answer(second as PageRequest) });
    const after = pages.view();
    expect(after.milestonesByRow.get('R0')).toBe(before.milestonesByRow.get('R0'));
    expect(after.milestonesByRow.get('R400')?.map((m) => m.key)).toEqual(['M-400']);
  });

  it('shows the previous answers until a new question is first answered, and drops answers to older questions', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    pages.settle(first as PageRequest, { answer: answer(first as PageRequest) });
    expect(pages.ask({ scope, ...collapseQuery(ALL_COLLAPSED) })).toBe(true);
    expect(pages.ask({ scope, ...collapseQuery(ALL_COLLAPSED) })).toBe(false);
    expect(pages.view()).toMatchObject({ busy: true, totalRows: TOTAL });
    expect(pages.view().rowAt(5)?.id).toBe('R5');
    const [again] = drain(pages);
    expect(again?.query).toEqual({ scope, collapseAllExcept: [], window: { offset: 0, limit: PAGE_ROWS } });
    expect(pages.settle(first as PageRequest, { answer: answer(first as PageRequest, 'old') })).toBe(false);
    pages.settle(again as PageRequest, { answer: answer(again as PageRequest, 'new', 3) });
    expect(pages.view()).toMatchObject({ busy: false, totalRows: 3 });
    expect(pages.view().rowAt(0)?.id).toBe('newR0');
  });

  it('says when a page failed, and asks again on retry', () => {
    const pages = new RoadmapPages({ scope });
    const [first] = drain(pages);
    pages.settle(first as PageRequest, { message: 'Jira is busy' });
    expect(pages.view()).toMatchObject({ latest: null, error: 'Jira is busy' });
    expect(pages.view().failedAt(0)).toBe(true);
    expect(drain(pages)).toEqual([]); // no loop of failing requests
    pages.retry();
    expect(drain(pages).map((r) => r.page)).toEqual([0]);
  });
});

describe('collapse state', () => {
  it('toggles ids and says them sorted, listed or as "all except"', () => {
    const one = toggleCollapse(NOTHING_COLLAPSED, 'B');
    const two = toggleCollapse(one, 'A');
    expect(collapseQuery(two)).toEqual({ collapsed: ['A', 'B'] });
    expect(collapseQuery(toggleCollapse(two, 'B'))).toEqual({ collapsed: ['A'] });
    expect(collapseQuery(toggleCollapse(ALL_COLLAPSED, 'root'))).toEqual({ collapseAllExcept: ['root'] });
    expect(NOTHING_COLLAPSED.ids.size).toBe(0);
  });

  it('never asks for more ids than the server accepts', () => {
    const full = { kind: 'listed' as const, ids: new Set(Array.from({ length: 5000 }, (_, i) => `K-${i}`)) };
    expect(toggleCollapse(full, 'K-5000')).toBe(full);
    expect(toggleCollapse(full, 'K-0').ids.size).toBe(4999);
    expect(toggleCollapse(NOTHING_COLLAPSED, 'x'.repeat(256))).toBe(NOTHING_COLLAPSED);
  });
});
