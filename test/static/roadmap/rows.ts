import type { RoadmapRowDto } from '../../../src/contract';

/** A roadmap row with sensible defaults. */
export function row(id: string, parentId: string | null, depth: number, extra: Partial<RoadmapRowDto> = {}): RoadmapRowDto {
  return {
    id,
    key: id === 'root' ? null : id,
    name: `Name of ${id}`,
    typeName: 'Team',
    kind: 'box',
    parentId,
    parentIndex: null,
    depth,
    hasChildren: false,
    collapsed: false,
    start: null,
    due: null,
    progress: { method: 'issueCount', ratio: 0, percentText: '0 %', done: 0, total: 1, basis: '0 of 1 work items done, counted by issue' },
    schedule: 'unscheduled',
    doneWithOpenWork: false,
    ...extra,
  };
}
