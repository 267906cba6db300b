import type { SavedViewDto } from '../../../src/contract';
import { columnText, countText, normaliseColumns, toggleColumn } from '../../../static/src/components/backlog/columns';
import { collectAll, EXPORT_PAGE_SIZE } from '../../../static/src/components/backlog/exportAll';
import { boxOptions, selected, STATUS_OPTIONS } from '../../../static/src/components/backlog/filterOptions';
import { initialState } from '../../../static/src/components/backlog/queryState';
import { newViewId, sortedViews, viewToSave } from '../../../static/src/components/backlog/views';
import { item, pageOf } from './items';

describe('columns', () => {
  it('normalises to known columns, once each, in table order, with key and summary', () => {
    expect(normaliseColumns(['due', 'bogus', 'due', 'type'])).toEqual(['key', 'summary', 'type', 'due']);
    expect(toggleColumn(['key', 'summary'], 'summary')).toEqual(['key', 'summary']);
    expect(toggleColumn(['key', 'summary', 'due'], 'due')).toEqual(['key', 'summary']);
  });

  it('gives each column as text, empty where there is no value', () => {
    const row = item({ labels: ['x', 'y'], riskBand: 'critical', schedule: 'late', start: null });
    expect(columnText(row, 'labels')).toBe('x, y');
    expect(columnText(row, 'riskBand')).toBe('Critical');
    expect(columnText(row, 'schedule')).toBe('Late');
    expect(columnText(row, 'start')).toBe('');
    expect(columnText(row, 'box')).toBe('Team Alpha');
    expect(columnText(item({ storyPoints: 0 }), 'storyPoints')).toBe('0');
  });

  it('counts items with thousands separators', () => {
    expect(countText(0)).toBe('0 items');
    expect(countText(1)).toBe('1 item');
    expect(countText(1234)).toBe('1,234 items');
  });
});

describe('saved views', () => {
  const views: SavedViewDto[] = [
    { id: 'b', name: 'beta', columns: ['key', 'summary'], query: {} },
    { id: 'a', name: 'Alpha 10', columns: ['key', 'summary'], query: {} },
    { id: 'c', name: 'Alpha 9', columns: ['key', 'summary'], query: {} },
  ];

  it('makes ids the resolver accepts', () => {
    const id = newViewId(1_700_000_000_000, 0.5);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newViewId(1_700_000_000_000, 0.25)).not.toBe(id);
  });

  it('saves what is shown under a new id, or over the view of the same name', () => {
    const state = { ...initialState('late'), query: { drill: 'late' as const, text: ' x ', page: 4 } };
    expect(viewToSave('  Mine ', state, views, 'new-id')).toEqual({ id: 'new-id', name: 'Mine', columns: state.columns, query: { drill: 'late', text: 'x' } });
    expect(viewToSave('BETA', state, views, 'new-id').id).toBe('b');
  });

  it('sorts views by name, numbers naturally', () => {
    expect(sortedViews(views).map((v) => v.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('filter options', () => {
  it('keeps boxes in tree order with their depth, and shows unknown values as themselves', () => {
    expect(boxOptions({ boxes: [{ id: 'r', name: 'Root', depth: 0 }, { id: 'w', name: 'Stream', depth: 1 }], types: [] })).toEqual([
      { value: 'r', label: 'Root', depth: 0 },
      { value: 'w', label: 'Stream', depth: 1 },
    ]);
    expect(selected(STATUS_OPTIONS, 'done')).toEqual({ value: 'done', label: 'Done' });
    expect(selected(boxOptions(undefined), 'DTO-9')).toEqual({ value: 'DTO-9', label: 'DTO-9' });
    expect(selected(STATUS_OPTIONS, undefined)).toBeNull();
  });
});

describe('collectAll (the CSV export)', () => {
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => item({ key: `DTO-${from + i}` }));

  it('fetches pages until the total is reached, with the query and the biggest page size', async () => {
    const asked: unknown[] = [];
    const result = await collectAll(async (query) => {
      asked.push(query);
      const page = query.page ?? 0;
      return pageOf(rows(page * EXPORT_PAGE_SIZE, page < 2 ? EXPORT_PAGE_SIZE : 50), 450, page, EXPORT_PAGE_SIZE);
    }, { text: 'a' });
    expect(result.items).toHaveLength(450);
    expect(result.capped).toBe(false);
    expect(asked).toEqual([0, 1, 2].map((page) => ({ text: 'a', page, pageSize: EXPORT_PAGE_SIZE })));
  });

  it('stops at the cap and says so', async () => {
    let calls = 0;
    const result = await collectAll(async (query) => {
      calls += 1;
      return pageOf(rows((query.page ?? 0) * 200, 200), 50_000);
    }, {}, 500);
    expect(result).toMatchObject({ total: 50_000, capped: true });
    expect(result.items).toHaveLength(500);
    expect(calls).toBe(3);
  });

  it('stops on an empty page even if the total says more', async () => {
    const result = await collectAll(async (query) => pageOf((query.page ?? 0) === 0 ? rows(0, 3) : [], 10), {});
    expect(result.items).toHaveLength(3);
  });
});
