import type { BacklogItemDto, BacklogPageDto } from '../../../src/contract';

/** A backlog row with sensible defaults. */
export const item = (overrides: Partial<BacklogItemDto> = {}): BacklogItemDto => ({
  key: 'DTO-1',
  summary: 'Train the trainers',
  type: 'Story',
  status: 'In Progress',
  statusCategory: 'indeterminate',
  assignee: null,
  labels: [],
  boxId: 'DTO-100',
  boxName: 'Team Alpha',
  start: null,
  due: '2025-03-07',
  storyPoints: 3,
  riskBand: null,
  schedule: 'onTrack',
  ...overrides,
});

/** A page of the resolver's answer. */
export const pageOf = (items: BacklogItemDto[], total: number, page = 0, pageSize = 50): BacklogPageDto => ({ items, total, page, pageSize, facets: { boxes: [], types: [] }, drillNote: null });
