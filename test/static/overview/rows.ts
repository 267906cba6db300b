import type { OverviewRowDto } from '../../../src/contract';

/** An Overview row with plain figures; tests change what they look at. */
export function row(id: string, parentId: string | null, depth: number, overrides: Partial<OverviewRowDto> = {}): OverviewRowDto {
  return {
    id,
    key: id,
    name: `Box ${id}`,
    typeName: depth === 0 ? 'Workstream' : depth === 1 ? 'Initiative' : 'Team',
    parentId,
    depth,
    hasChildren: false,
    progress: { method: 'issueCount', ratio: 0.5, percentText: '50.0 %', done: 1, total: 2, basis: '1 of 2 work items done, counted by issue' },
    start: null,
    due: null,
    schedule: 'onTrack',
    teamsConverted: { converted: 0, total: 0, ratio: 0, percentText: '0.0 %' },
    openRisks: { low: 0, medium: 0, high: 0, critical: 0, unscored: 0 },
    owner: null,
    sponsor: null,
    baseline: null,
    ...overrides,
  };
}

const progress = (ratio: number, total = 10) => ({ method: 'issueCount' as const, ratio, percentText: total === 0 ? '–' : `${(ratio * 100).toFixed(1)} %`, done: ratio * total, total, basis: '' });

/**
 *   A (40 %) ─ A1 (90 %) ─ A1x
 *            └ A2 (10 %)
 *   B (–, nothing measured) ─ B1 "Payments squad"
 *   C (70 %)
 */
export const TREE: OverviewRowDto[] = [
  row('A', null, 0, { hasChildren: true, progress: progress(0.4), due: '2026-05-01', owner: 'Zoe' }),
  row('A1', 'A', 1, { hasChildren: true, progress: progress(0.9), due: '2026-02-01' }),
  row('A1x', 'A1', 2, { progress: progress(0.2) }),
  row('A2', 'A', 1, { progress: progress(0.1), due: null, openRisks: { low: 0, medium: 0, high: 1, critical: 0, unscored: 0 } }),
  row('B', null, 0, { hasChildren: true, progress: progress(0, 0), schedule: 'late', owner: 'Ann' }),
  row('B1', 'B', 1, { name: 'Payments squad', typeName: 'Team', sponsor: '=HYPERLINK("x")' }),
  row('C', null, 0, { progress: progress(0.7), due: '2026-01-01', openRisks: { low: 0, medium: 0, high: 0, critical: 1, unscored: 0 } }),
];
