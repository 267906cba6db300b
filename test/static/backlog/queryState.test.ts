import type { SavedViewDto } from '../../../src/contract';
import {
  backlogReducer,
  cleanQuery,
  drillLabel,
  initialState,
  lastPage,
  requestQuery,
  sortFromTable,
  tableSort,
  type BacklogState,
} from '../../../static/src/components/backlog/queryState';

const on = (state: BacklogState, ...actions: Parameters<typeof backlogReducer>[1][]) => actions.reduce(backlogReducer, state);

describe('the backlog query reducer', () => {
  it('starts on the first page with the default columns and the drill it was opened with', () => {
    const state = initialState('late');
    expect(requestQuery(state)).toEqual({ drill: 'late', page: 0, pageSize: 50 });
    expect(state.columns).toEqual(['key', 'summary', 'type', 'status', 'assignee', 'box', 'due', 'schedule']);
    expect(requestQuery(initialState())).toEqual({ page: 0, pageSize: 50 });
  });

  it('asks nothing new while typing, and searches the trimmed text from the first page once committed', () => {
    const paged = on(initialState(), { type: 'setPage', page: 3 });
    const typing = on(paged, { type: 'typeText', text: '  cloud  ' });
    expect(requestQuery(typing)).toEqual({ page: 3, pageSize: 50 });
    expect(typing.textInput).toBe('  cloud  ');
    expect(requestQuery(on(typing, { type: 'commitText' }))).toEqual({ text: 'cloud', page: 0, pageSize: 50 });
  });

  it('keeps the same state when the committed text has not changed (no new search)', () => {
    const state = on(initialState(), { type: 'typeText', text: 'x' }, { type: 'commitText' });
    expect(backlogReducer(state, { type: 'commitText' })).toBe(state);
    expect(backlogReducer(initialState(), { type: 'commitText' })).toEqual(initialState());
  });

  it('caps the search text at 200 characters', () => {
    expect(on(initialState(), { type: 'typeText', text: 'a'.repeat(250) }).textInput).toHaveLength(200);
  });

  it('resets the page on every filter, sort and drill change, and clears them with undefined', () => {
    const start = on(initialState(), { type: 'setPage', page: 2 });
    const state = on(
      start,
      { type: 'setBox', boxId: 'DTO-5' },
      { type: 'setStatusCategory', statusCategory: 'done' },
      { type: 'setType', issueType: 'Story' },
      { type: 'setRiskBand', riskBand: 'high' },
      { type: 'setSort', sort: { column: 'due', direction: 'desc' } },
    );
    expect(requestQuery(state)).toEqual({ boxId: 'DTO-5', statusCategory: 'done', type: 'Story', riskBand: 'high', sort: { column: 'due', direction: 'desc' }, page: 0, pageSize: 50 });
    const cleared = on(state, { type: 'setPage', page: 4 }, { type: 'setBox', boxId: undefined }, { type: 'setRiskBand', riskBand: undefined });
    expect(requestQuery(cleared)).toEqual({ statusCategory: 'done', type: 'Story', sort: { column: 'due', direction: 'desc' }, page: 0, pageSize: 50 });
  });

  it('pages without touching the filters, never below 0', () => {
    const state = on(initialState('risks'), { type: 'setPage', page: 2 });
    expect(requestQuery(state)).toEqual({ drill: 'risks', page: 2, pageSize: 50 });
    expect(on(state, { type: 'setPage', page: -1 }).query.page).toBe(0);
  });

  it('sets and removes the drill; the same drill again changes nothing', () => {
    const late = initialState('late');
    expect(backlogReducer(late, { type: 'setDrill', drill: 'late' })).toBe(late);
    expect(requestQuery(on(late, { type: 'setDrill', drill: undefined }))).toEqual({ page: 0, pageSize: 50 });
    expect(requestQuery(on(late, { type: 'setDrill', drill: 'done' }))).toEqual({ drill: 'done', page: 0, pageSize: 50 });
  });

  it('toggles columns but keeps key and summary, in the table order', () => {
    const state = on(initialState(), { type: 'toggleColumn', column: 'labels' }, { type: 'toggleColumn', column: 'type' }, { type: 'toggleColumn', column: 'key' });
    expect(state.columns).toEqual(['key', 'summary', 'status', 'assignee', 'labels', 'box', 'due', 'schedule']);
  });

  it('applies a saved view: its columns, query and text, on the first page, remembering the view', () => {
    const view: SavedViewDto = { id: 'v1', name: 'Late risks', columns: ['riskBand', 'summary', 'due'], query: { text: 'vendor', riskBand: 'critical', drill: 'late', page: 7 } };
    const state = on(initialState(), { type: 'setPage', page: 3 }, { type: 'applyView', view });
    expect(state.columns).toEqual(['key', 'summary', 'due', 'riskBand']);
    expect(state.textInput).toBe('vendor');
    expect(state.viewId).toBe('v1');
    expect(requestQuery(state)).toEqual({ text: 'vendor', riskBand: 'critical', drill: 'late', page: 0, pageSize: 50 });
  });

  it('forgets the view once something changes, but not on paging', () => {
    const view: SavedViewDto = { id: 'v1', name: 'All', columns: ['key', 'summary'], query: {} };
    const state = on(initialState(), { type: 'applyView', view });
    expect(on(state, { type: 'setPage', page: 1 }).viewId).toBe('v1');
    expect(on(state, { type: 'setType', issueType: 'Bug' }).viewId).toBeNull();
    expect(on(state, { type: 'toggleColumn', column: 'due' }).viewId).toBeNull();
    expect(on(initialState(), { type: 'viewSaved', id: 'v9' }).viewId).toBe('v9');
  });
});

describe('cleanQuery', () => {
  it('drops empty fields and paging, trims the text and ignores an unknown sort column', () => {
    expect(cleanQuery({ text: '  ', boxId: '', type: '', page: 3, pageSize: 10 })).toEqual({});
    expect(cleanQuery({ text: ' a ', sort: { column: 'nope' as never, direction: 'asc' } })).toEqual({ text: 'a' });
  });
});

describe('table sort mapping', () => {
  it('maps the table sort to the query and back', () => {
    expect(sortFromTable('due', 'DESC')).toEqual({ column: 'due', direction: 'desc' });
    expect(sortFromTable('storyPoints', 'ASC')).toEqual({ column: 'storyPoints', direction: 'asc' });
    expect(sortFromTable('unknown', 'ASC')).toBeUndefined();
    expect(tableSort({ sort: { column: 'key', direction: 'desc' } })).toEqual({ sortKey: 'key', sortOrder: 'DESC' });
    expect(tableSort({})).toEqual({});
  });
});

describe('lastPage and drill labels', () => {
  it('finds the last page that has rows', () => {
    expect(lastPage(0)).toBe(0);
    expect(lastPage(50)).toBe(0);
    expect(lastPage(51)).toBe(1);
    expect(lastPage(1234)).toBe(24);
    expect(lastPage(10, 3)).toBe(3);
  });

  it('names the drill for its chip', () => {
    expect(drillLabel('late')).toBe('Late items');
    expect(drillLabel('notConvertedTeams')).toBe('Teams not converted');
  });
});
