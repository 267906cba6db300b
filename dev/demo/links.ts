/**
 * "Blocks" links between work items of different teams: half of the blocked items name a blocker
 * in another team, and about 1% of the work items block something elsewhere besides.
 */
import { STATUS } from './catalog';
import type { GenContext } from './context';
import type { WorkItemRef } from './workItems';

function link(from: WorkItemRef, to: WorkItemRef): void {
  if (from.team === to.team || from.issue.key === to.issue.key) return;
  if (!from.issue.blocks.includes(to.issue.key)) from.issue.blocks.push(to.issue.key);
}

function otherTeamItem(pick: () => WorkItemRef, team: number): WorkItemRef | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = pick();
    if (candidate.team !== team) return candidate;
  }
  return null;
}

export function addBlocksLinks(ctx: GenContext, refs: readonly WorkItemRef[]): void {
  if (refs.length < 2) return;
  const rng = ctx.rng.fork('links');
  const pick = () => rng.pick(refs);
  for (const blocked of refs) {
    if (blocked.issue.statusId !== STATUS.blocked.id || !rng.chance(0.5)) continue;
    const blocker = otherTeamItem(pick, blocked.team);
    if (blocker) link(blocker, blocked);
  }
  const extra = Math.round(refs.length * 0.01);
  for (let i = 0; i < extra; i++) {
    const from = pick();
    const to = otherTeamItem(pick, from.team);
    if (to) link(from, to);
  }
}
