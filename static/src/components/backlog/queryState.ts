/** The backlog's query, search text and columns as a reducer, and how they map to the table and the resolver. No React here. */
import type { BacklogColumn, BacklogDrill, BacklogQueryDto, RiskBandDto, SavedViewDto } from '../../../../src/contract';
import { DEFAULT_COLUMNS, isColumn, normaliseColumns, toggleColumn } from './columns';

export const PAGE_SIZE = 50;
export const MAX_TEXT = 200;

export interface BacklogState {
  /** What the resolver is asked for (text only once typing pauses). */
  query: BacklogQueryDto;
  /** What is in the search field right now. */
  textInput: string;
  columns: BacklogColumn[];
  /** The saved view the state came from, until it is changed. */
  viewId: string | null;
}

export type BacklogAction =
  | { type: 'typeText'; text: string }
  | { type: 'commitText' }
  | { type: 'setBox'; boxId: string | undefined }
  | { type: 'setStatusCategory'; statusCategory: BacklogQueryDto['statusCategory'] }
  | { type: 'setType'; issueType: string | undefined }
  | { type: 'setRiskBand'; riskBand: RiskBandDto | undefined }
  | { type: 'setDrill'; drill: BacklogDrill | undefined }
  | { type: 'setSort'; sort: BacklogQueryDto['sort'] }
  | { type: 'setPage'; page: number }
  | { type: 'toggleColumn'; column: BacklogColumn }
  | { type: 'applyView'; view: SavedViewDto }
  | { type: 'viewSaved'; id: string };

export const initialState = (drill?: BacklogDrill): BacklogState => ({ query: drill ? { drill } : {}, textInput: '', columns: [...DEFAULT_COLUMNS], viewId: null });

/** The query without empty fields and without paging: what a saved view keeps. */
export function cleanQuery(query: BacklogQueryDto): BacklogQueryDto {
  const text = query.text?.trim().slice(0, MAX_TEXT);
  const clean: BacklogQueryDto = {
    text: text || undefined,
    boxId: query.boxId || undefined,
    statusCategory: query.statusCategory,
    type: query.type || undefined,
    riskBand: query.riskBand,
    drill: query.drill,
    sort: query.sort && isColumn(query.sort.column) ? { column: query.sort.column, direction: query.sort.direction === 'desc' ? 'desc' : 'asc' } : undefined,
  };
  return Object.fromEntries(Object.entries(clean).filter(([, value]) => value !== undefined)) as BacklogQueryDto;
}

/** What is sent for one page. */
export const requestQuery = (state: BacklogState): BacklogQueryDto => ({ ...cleanQuery(state.query), page: state.query.page ?? 0, pageSize: PAGE_SIZE });

/** A filter change starts again at the first page and leaves the saved view. */
const refine = (state: BacklogState, change: Partial<BacklogQueryDto>): BacklogState => ({ ...state, query: { ...state.query, ...change, page: 0 }, viewId: null });

export function backlogReducer(state: BacklogState, action: BacklogAction): BacklogState {
  switch (action.type) {
    case 'typeText':
      return { ...state, textInput: action.text.slice(0, MAX_TEXT) };
    case 'commitText': {
      const text = state.textInput.trim() || undefined;
      return text === state.query.text ? state : refine(state, { text });
    }
    case 'setBox':
      return refine(state, { boxId: action.boxId });
    case 'setStatusCategory':
      return refine(state, { statusCategory: action.statusCategory });
    case 'setType':
      return refine(state, { type: action.issueType });
    case 'setRiskBand':
      return refine(state, { riskBand: action.riskBand });
    case 'setDrill':
      return action.drill === state.query.drill ? state : refine(state, { drill: action.drill });
    case 'setSort':
      return refine(state, { sort: action.sort });
    case 'setPage':
      return { ...state, query: { ...state.query, page: Math.max(0, Math.floor(action.page)) } };
    case 'toggleColumn':
      return { ...state, columns: toggleColumn(state.columns, action.column), viewId: null };
    case 'applyView': {
      const query = cleanQuery(action.view.query);
      return { query: { ...query, page: 0 }, textInput: query.text ?? '', columns: normaliseColumns(action.view.columns), viewId: action.view.id };
    }
    case 'viewSaved':
      return { ...state, viewId: action.id };
  }
}

/** The table's sort (column key, ASC/DESC) as the query's sort; unknown keys clear it. */
export function sortFromTable(key: unknown, order: unknown): BacklogQueryDto['sort'] {
  return isColumn(key) ? { column: key, direction: order === 'DESC' ? 'desc' : 'asc' } : undefined;
}

/** The query's sort as the table shows it. */
export const tableSort = (query: BacklogQueryDto): { sortKey?: string; sortOrder?: 'ASC' | 'DESC' } =>
  query.sort ? { sortKey: query.sort.column, sortOrder: query.sort.direction === 'desc' ? 'DESC' : 'ASC' } : {};

/** The last page (0-based) that has rows, for a total; 0 when there are none. */
export const lastPage = (total: number, pageSize: number = PAGE_SIZE): number => Math.max(0, Math.ceil(total / pageSize) - 1);

const DRILLS: Record<BacklogDrill, string> = {
  late: 'Late items',
  lateBoxes: 'Late boxes',
  done: 'Done work counted in progress',
  teams: 'Teams',
  convertedTeams: 'Converted teams',
  notConvertedTeams: 'Teams not converted',
  risks: 'Risks',
  milestones: 'Milestones',
};
export const drillLabel = (drill: BacklogDrill): string => DRILLS[drill];
