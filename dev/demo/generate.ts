/**
 * The demo site: a bank's Digital Transformation, ~12 months in and ~6 months to go, as one
 * deterministic SiteData. Same options → byte-identical JSON.
 *
 * DTO (Transformation Office) holds the workstreams, initiatives, risks and milestones; seven
 * delivery projects hold the 40 teams and their work. See flaws.ts for the deliberate data flaws, and restricted.ts
 * for the issue security level ("DTO leadership only") on a few confidential risks and security findings, which the
 * team member and the limited user may not see although they browse those projects.
 */
import type { SiteData, SiteProject } from '../emulator/siteData';
import { DELIVERY_PROJECTS, ISSUE_TYPES, PROGRAM_PROJECT, STATUSES } from './catalog';
import { createContext } from './context';
import { formatTimestamp, todayUtc } from './dates';
import { buildFields } from './fields';
import { applyFlaws } from './flaws';
import { emitProgram, initiativeKey, planProgram } from './hierarchy';
import { SiteBuilder } from './issues';
import { addBlocksLinks } from './links';
import { emitMilestones } from './milestones';
import { applySecurityLevel } from './restricted';
import { emitRisks } from './risks';
import { emitTeams, planTeams } from './teams';
import { buildUsers, leadOf } from './users';
import { emitTeamWork, type WorkItemRef } from './workItems';

export { DEMO_USERS } from './users';
export { DEMO_FLAWS, type DemoFlaw, type FlawKind } from './flaws';
export { DEMO_SECURITY_LEVEL, demoRestrictedKeys } from './restricted';

export interface DemoOptions {
  /** Seeds every random choice; default 42. */
  seed?: number;
  /** The site's today, 'yyyy-mm-dd'; default: today (UTC). */
  anchorDate?: string;
  /** Multiplies the teams' work items; 1 = the demo (~1,600 issues), 70 ≈ 100k issues. */
  scale?: number;
}

function buildProjects(): SiteProject[] {
  const all = [PROGRAM_PROJECT, ...DELIVERY_PROJECTS];
  return all.map((p, i) => ({ id: String(10000 + i), key: p.key, name: p.name, leadAccountId: leadOf(p.key).accountId }));
}

export function generateDemoSite(opts: DemoOptions = {}): SiteData {
  const seed = opts.seed ?? 42;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  const ctx = createContext(seed, opts.anchorDate ?? todayUtc(), scale);

  const teams = planTeams(ctx);
  const program = planProgram(ctx, teams);
  const initiativeKeys = program.initiatives.map((i) => initiativeKey(i.index));

  const builder = new SiteBuilder();
  emitProgram(ctx, builder, program);
  emitRisks(ctx, builder, program, teams);
  emitMilestones(ctx, builder, program);
  const refs: WorkItemRef[] = [];
  for (const project of DELIVERY_PROJECTS) {
    emitTeams(ctx, builder, project.key, teams, initiativeKeys);
    for (const team of teams) if (team.projectKey === project.key) emitTeamWork(ctx, builder, team, refs);
  }
  addBlocksLinks(ctx, refs);
  applyFlaws(builder);
  // Last, and without random draws: every other value stays as generated.
  const securityLevels = applySecurityLevel(builder.issues);

  const projects = buildProjects();
  return {
    generatedAt: formatTimestamp(ctx.nowMs),
    users: buildUsers(projects.map((p) => p.key)),
    projects,
    issueTypes: ISSUE_TYPES.map((t) => ({ ...t })),
    statuses: STATUSES.map((s) => ({ ...s })),
    fields: buildFields(),
    issues: builder.issues,
    securityLevels,
  };
}
