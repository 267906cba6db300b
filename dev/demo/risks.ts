/**
 * 60 Risks in DTO (DTO-17..76): four per initiative, three per workstream (every fifth risk).
 * Each has likelihood and impact (with a history of re-assessments), residual ratings, an ADF
 * mitigation and a review due date; open, being mitigated, waiting for a decision, or closed.
 */
import { PROGRAM_PROJECT, type StatusKey } from './catalog';
import { selectItem, type ChangeEvent } from './changelog';
import { latest, type GenContext } from './context';
import { clamp, DAY_MS, nextWorkday, spreadTimes, workTime } from './dates';
import { adfDoc, CF, IMPACTS, LIKELIHOODS, optionValue, type CustomFieldKey } from './fields';
import type { ProgramPlan } from './hierarchy';
import { makeIssue, type SiteBuilder } from './issues';
import type { Rng } from './random';
import { fitTimes, statusEvents } from './statusFlow';
import { DEMO_USERS, leadOf, PEOPLE, PMO, RISK_MANAGER, type Person } from './users';
import type { TeamPlan } from './teams';

export const RISK_COUNT = 60;

const TITLES: readonly string[] = [
  'Key-person dependency on legacy mainframe skills',
  'Change fatigue in operations teams',
  'Vendor delays on cloud landing zone',
  'Regulator objects to new release cadence',
  'Budget cut in next funding round',
  'Middle managers resist product-owner role',
  'Agile coaches not available in time',
  'Test automation coverage too low for weekly releases',
  'Data migration quality issues',
  'Security accreditation of new platform delayed',
  'Teams pulled back into business-as-usual work',
  'Unclear decision rights between product and IT',
  'Licence costs exceed business case',
  'Attrition of senior engineers',
  'Integration with core banking slower than planned',
  'Customer complaints during channel switch-over',
  'Works council consultation extends timeline',
  'Benefits tracking not trusted by finance',
  'Too many parallel initiatives for shared teams',
  'Third-party API rate limits',
  'Incomplete GDPR records for new data flows',
  'Dependency on single cloud region',
  'Release management process not adapted',
  'Training budget underspent, skills gap remains',
  'Executive sponsor changes role',
  'Contractor knowledge not transferred',
  'Legacy reporting still required in parallel',
  'Operational resilience testing not scheduled',
  'Product metrics not defined before launch',
  'Procurement lead time for tooling',
];

const MITIGATIONS: readonly string[] = [
  'Pair internal staff with the vendor and document the runbooks.',
  'Agree a phased plan with the stakeholders and review it monthly.',
  'Escalate to the steering committee and secure a decision by the next gate.',
  'Add buffer to the plan and track the dependency weekly.',
  'Run a pilot with one team before rolling out further.',
  'Hire two contractors for the transition and plan knowledge transfer.',
];

const ACTIONS: readonly string[] = ['Weekly dependency review', 'Named backup owner', 'Budget reserve requested', 'Coaching sessions scheduled', 'Vendor escalation path agreed', 'Extra test environment'];

const CATEGORIES: readonly string[] = ['risk-people', 'risk-technology', 'risk-regulatory', 'risk-budget', 'risk-vendor', 'risk-delivery'];

const LEVEL_WEIGHTS: readonly (readonly [number, number])[] = [[1, 10], [2, 25], [3, 30], [4, 25], [5, 10]];

interface RiskParent {
  key: string;
  startDay: number;
  /** Delivery projects whose leads may own the risk. */
  projects: string[];
}

function parentOf(index: number, program: ProgramPlan, teams: readonly TeamPlan[]): RiskParent {
  if (index % 5 === 4) {
    const ws = program.workstreams[Math.floor(index / 5) % program.workstreams.length];
    if (!ws) throw new Error('no workstream');
    const projects = [...new Set(teams.filter((t) => Math.floor(t.initiative / 3) === Math.floor(index / 5) % 4).map((t) => t.projectKey))];
    return { key: ws.key, startDay: ws.startDay, projects };
  }
  const n = index - Math.floor(index / 5);
  const init = program.initiatives[n % program.initiatives.length];
  if (!init) throw new Error('no initiative');
  return { key: init.key, startDay: init.startDay, projects: [...new Set(teams.filter((t) => t.initiative === init.index).map((t) => t.projectKey))] };
}

/** Re-assessments walking a rating one level at a time from `from` to `to`. */
function ratingEvents(rng: Rng, key: CustomFieldKey, labels: readonly string[], from: number, to: number, window: [number, number], author: string): ChangeEvent[] {
  const steps: [number, number][] = [];
  for (let level = from; level !== to; level += to > level ? 1 : -1) steps.push([level, to > level ? level + 1 : level - 1]);
  const times = spreadTimes(rng, window[0], window[1], steps.length);
  return steps.map(([a, b], i) => ({ at: times[i] as number, author, items: [selectItem(key, labels[a - 1] as string, labels[b - 1] as string)] }));
}

export function emitRisks(ctx: GenContext, builder: SiteBuilder, program: ProgramPlan, teams: readonly TeamPlan[]): void {
  const titleOrder = ctx.rng.fork('risk-titles').shuffle(TITLES.map((_, i) => i));
  const limited = PEOPLE.find((p) => p.accountId === DEMO_USERS.limited) as Person;
  for (let i = 0; i < RISK_COUNT; i++) {
    const rng = ctx.rng.fork(`risk:${i}`);
    const key = builder.nextKey(PROGRAM_PROJECT.key);
    const parent = parentOf(i, program, teams);
    const createdDay = clamp(parent.startDay + rng.int(-10, 120), ctx.siteStartDay + 5, ctx.anchorDay - 3);
    const recent = createdDay > ctx.anchorDay - 14;
    const status: StatusKey = recent ? 'toDo' : rng.weighted<StatusKey>([['toDo', 35], ['inProgress', 30], ['waiting', 10], ['done', 15], ['closed', 10]]);
    const closed = status === 'done' || status === 'closed';
    const createdAt = workTime(rng, createdDay);
    const startedAt = status === 'toDo' ? null : createdAt + rng.int(2, 30) * DAY_MS;
    const resolvedAt = closed ? (startedAt as number) + rng.int(20, 120) * DAY_MS : null;
    const times = fitTimes(ctx, { createdAt, startedAt, resolvedAt });
    let likelihood = rng.weighted(LEVEL_WEIGHTS);
    const impact = rng.weighted(LEVEL_WEIGHTS);
    if (closed) likelihood = Math.max(1, likelihood - 1);
    const firstLikelihood = clamp(likelihood + rng.int(-1, 2), 1, 5);
    const firstImpact = clamp(impact + rng.int(-1, 1), 1, 5);
    const owner = rng.chance(0.5) ? rng.pick(PMO) : leadOf(rng.pick(parent.projects.length > 0 ? parent.projects : ['DTO']));
    const reporter = rng.chance(0.1) ? limited : RISK_MANAGER;
    const window: [number, number] = [times.createdAt, times.resolvedAt ?? latest(ctx)];
    const events: ChangeEvent[] = [
      ...statusEvents(rng, ctx, 'toDo', status, times, [owner.accountId, RISK_MANAGER.accountId]),
      ...ratingEvents(rng, 'riskLikelihood', LIKELIHOODS, firstLikelihood, likelihood, window, RISK_MANAGER.accountId),
      ...ratingEvents(rng, 'riskImpact', IMPACTS, firstImpact, impact, window, RISK_MANAGER.accountId),
    ];
    const bullets = rng.sample(ACTIONS, rng.int(0, 3));
    const customFields: Record<string, unknown> = {
      [CF.riskLikelihood]: optionValue('riskLikelihood', LIKELIHOODS[likelihood - 1] as string),
      [CF.riskImpact]: optionValue('riskImpact', IMPACTS[impact - 1] as string),
      [CF.residualLikelihood]: optionValue('residualLikelihood', LIKELIHOODS[Math.max(1, likelihood - rng.int(0, 2)) - 1] as string),
      [CF.residualImpact]: optionValue('residualImpact', IMPACTS[Math.max(1, impact - rng.int(0, 1)) - 1] as string),
      [CF.mitigation]: adfDoc(rng.pick(MITIGATIONS), bullets),
    };
    builder.add(
      makeIssue({
        key,
        projectKey: PROGRAM_PROJECT.key,
        type: 'risk',
        status,
        summary: TITLES[titleOrder[i % TITLES.length] as number] as string,
        createdAt: times.createdAt,
        resolvedAt: times.resolvedAt,
        assignee: owner,
        reporter,
        parentKey: parent.key,
        labels: [rng.pick(CATEGORIES)],
        dueDay: nextWorkday(createdDay + rng.int(45, 180)),
        estimateSeconds: null,
        customFields,
        events,
      }),
    );
  }
}
