import { buildTransformationModel } from '../../src/domain';
import type { FieldChange, StatusCategories, TransformationConfig, TransformationModel, WorkItem } from '../../src/domain';
import { configWithMethods, doneItem, initiative, milestone, riskItem, story, team, workItem, workstream } from './factories';

/**
 * A small transformation with a history, whose report figures are worked out by hand in the report tests.
 * Every box type counts issues (so a box's progress is simply done / total work items in its subtree, risks
 * excluded). Read at 2026-03-10T12:00Z (today = 2026-03-10). The reported week is Mon 2026-03-02 … Sun 2026-03-08:
 * it starts at 03-02T00:00Z and ends at 03-09T00:00Z. Every change below is at 10:00Z unless a time is given.
 *
 *   root
 *   ├─ W-1 Workstream "Customer" (sponsor Ana Souza)
 *   │  ├─ I-1 Initiative "Checkout"  gate L2 Planned (L1 → L2 on 02-01), target 100, realised 20 (10 on 01-20, 20 on 02-15), due 06-30
 *   │  │  ├─ T-1 Team  Not started → Piloting 02-10 → Converted 03-04
 *   │  │  │    S-1 story   To Do → In Progress 02-20 → In Review 02-25 → In Progress 02-27 → Done 03-03
 *   │  │  │    S-2 story   To Do → In Progress 03-02 → Done 03-06
 *   │  │  │    S-3 story   To Do → In Progress 02-10 → Done 02-24 → In Progress 03-02 (reopened) → Done 03-05
 *   │  │  │    S-4 story   To Do → In Progress 02-15 → Blocked 02-26
 *   │  │  │    M-1 milestone due 03-04: To Do → Done 03-04T15:00
 *   │  │  ├─ T-2 Team  Not started → Piloting 02-15 → Preparing 03-05 (slipped)
 *   │  │  │    S-5 story   created 03-03T09:00, To Do
 *   │  │  │    S-6 bug     To Do → In Progress 02-02; flagged (null → Impediment 03-01)
 *   │  │  └─ R-1 risk  likelihood Possible (3) → Likely (4) on 03-03, impact Major (4)
 *   │  └─ I-2 Initiative "Loyalty"  gate "l1 validated" (no gate history), target 50, realised 0, due 04-30;
 *   │     │                          its issue: To Do → Waiting for decision 03-06
 *   │     └─ T-3 Team  Piloting → Converted 02-20
 *   │          S-7 story   To Do → Waiting for decision 02-20
 *   └─ W-2 Workstream "Operations" (no sponsor)
 *      └─ I-3 Initiative "Back office"  no gate, target 30, realised 30 (null → 30 on 03-05), due 05-31, created 02-10T09:00
 *         ├─ T-4 Team  Not started (no history)
 *         │    B-1 bug        created 01-05, To Do → Done 01-20; flagged (null → Impediment 01-25) though done
 *         │    D-1 tech debt  To Do → In Progress 03-07
 *         │    X-1 story      To Do → In Progress 03-02 → Done 03-04. It was moved here from T-1 (its parent
 *         │                   changed); the reports use the current structure, so it counts under T-4 and W-2.
 *         ├─ T-5 Team  created 03-03T09:00, Not started
 *         ├─ M-2 milestone due 03-05, To Do
 *         ├─ R-2 risk  created 03-04T09:00, Unlikely (2) × Minor (2)
 *         └─ R-3 risk  likelihood 3, impact Severe (5) → Minor (2) on 03-05
 *
 * Created 2026-02-01T09:00Z unless said: workstreams 2025-12-01, I-1/I-2/teams 2026-01-01T09:00, M-1/M-2 01-15, R-1/R-3 01-10.
 */
export const READ_AT = '2026-03-10T12:00:00.000Z';
export const TODAY = '2026-03-10';
export const WEEK = { from: '2026-03-02', to: '2026-03-08' };

const at = (day: string, time = '10:00'): string => `2026-${day}T${time}:00.000Z`;
const CREATED = at('02-01', '09:00');
const EARLY = at('01-01', '09:00');

export function reportConfig(): TransformationConfig {
  return configWithMethods({ team: 'issueCount' });
}

export function historyItems(): WorkItem[] {
  const inProgress = { status: 'In Progress', statusCategory: 'indeterminate' as const };
  return [
    workstream('W-1', { summary: 'Customer', created: '2025-12-01T09:00:00.000Z', fields: { sponsor: ' Ana Souza ' } }),
    workstream('W-2', { summary: 'Operations', created: '2025-12-01T09:00:00.000Z' }),
    initiative('I-1', 'W-1', { summary: 'Checkout', created: EARLY, fields: { stageGate: 'L2 Planned', targetValue: 100, realisedValue: '20', dueDate: '2026-06-30' } }),
    initiative('I-2', 'W-1', { summary: 'Loyalty', created: EARLY, status: 'Waiting for decision', statusCategory: 'indeterminate', fields: { stageGate: 'l1 validated', targetValue: '50', realisedValue: 0, dueDate: '2026-04-30' } }),
    initiative('I-3', 'W-2', { summary: 'Back office', created: at('02-10', '09:00'), fields: { targetValue: 30, realisedValue: '30', dueDate: '2026-05-31' } }),
    team('T-1', 'I-1', 'Converted', { created: EARLY }),
    team('T-2', 'I-1', 'Preparing', { created: EARLY }),
    team('T-3', 'I-2', 'Converted', { created: EARLY }),
    team('T-4', 'I-3', 'Not started', { created: EARLY }),
    team('T-5', 'I-3', 'Not started', { created: at('03-03', '09:00') }),
    doneItem({ key: 'S-1', parentKey: 'T-1', summary: 'Card payments', created: CREATED }),
    doneItem({ key: 'S-2', parentKey: 'T-1', summary: 'Wallet', created: CREATED }),
    doneItem({ key: 'S-3', parentKey: 'T-1', summary: 'Refunds', created: CREATED }),
    story('S-4', 'T-1', null, { summary: 'Fraud checks', status: 'Blocked', statusCategory: 'indeterminate', created: CREATED }),
    milestone('M-1', 'T-1', '2026-03-04', { summary: 'Beta', status: 'Done', statusCategory: 'done', created: at('01-15') }),
    story('S-5', 'T-2', null, { summary: 'Receipts', created: at('03-03', '09:00') }),
    workItem({ key: 'S-6', issueType: 'Bug', parentKey: 'T-2', summary: 'Double charge', ...inProgress, created: CREATED, fields: { flagged: ['Impediment'] } }),
    riskItem('R-1', 'I-1', { riskLikelihood: 'Likely', riskImpact: 'Major' }, { summary: 'PSP outage', created: at('01-10') }),
    story('S-7', 'T-3', null, { summary: 'Points expiry', status: 'Waiting for decision', statusCategory: 'indeterminate', created: CREATED }),
    doneItem({ key: 'B-1', issueType: 'Bug', parentKey: 'T-4', summary: 'Invoice rounding', created: at('01-05'), fields: { flagged: ['Impediment'] } }),
    workItem({ key: 'D-1', issueType: 'Tech debt', parentKey: 'T-4', summary: 'Old batch jobs', ...inProgress, created: CREATED }),
    doneItem({ key: 'X-1', parentKey: 'T-4', summary: 'Moved story', created: CREATED }),
    milestone('M-2', 'I-3', '2026-03-05', { summary: 'Ledger live', created: at('01-15') }),
    riskItem('R-2', 'I-3', { riskLikelihood: 'Unlikely', riskImpact: 'Minor' }, { summary: 'Vendor delay', created: at('03-04', '09:00') }),
    riskItem('R-3', 'I-3', { riskLikelihood: 3, riskImpact: 'Minor' }, { summary: 'Audit finding', created: at('01-10') }),
  ];
}

const change = (key: string, day: string, concept: FieldChange['concept'], from: string | null, to: string | null, time?: string): FieldChange => ({ key, at: at(day, time), concept, from, to });
const moves = (key: string, ...steps: Array<[string, string, string]>): FieldChange[] => steps.map(([day, from, to]) => change(key, day, 'status', from, to));

/** The changelog, deliberately not in time order (the reports sort it). */
export function historyChanges(): FieldChange[] {
  return [
    ...moves('S-1', ['03-03', 'In Progress', 'Done'], ['02-20', 'To Do', 'In Progress'], ['02-25', 'In Progress', 'In Review'], ['02-27', 'In Review', 'In Progress']),
    ...moves('S-2', ['03-02', 'To Do', 'In Progress'], ['03-06', 'In Progress', 'Done']),
    ...moves('S-3', ['03-05', 'In Progress', 'Done'], ['02-10', 'To Do', 'In Progress'], ['02-24', 'In Progress', 'Done'], ['03-02', 'Done', 'In Progress']),
    ...moves('S-4', ['02-15', 'To Do', 'In Progress'], ['02-26', 'In Progress', 'Blocked']),
    change('M-1', '03-04', 'status', 'To Do', 'Done', '15:00'),
    ...moves('S-6', ['02-02', 'To Do', 'In Progress']),
    change('S-6', '03-01', 'flagged', null, 'Impediment'),
    ...moves('S-7', ['02-20', 'To Do', 'Waiting for decision']),
    ...moves('I-2', ['03-06', 'To Do', 'Waiting for decision']),
    ...moves('B-1', ['01-20', 'To Do', 'Done']),
    change('B-1', '01-25', 'flagged', null, 'Impediment'),
    ...moves('D-1', ['03-07', 'To Do', 'In Progress']),
    ...moves('X-1', ['03-04', 'In Progress', 'Done'], ['03-02', 'To Do', 'In Progress']),
    change('T-1', '03-04', 'conversionStage', 'Piloting', 'Converted'),
    change('T-1', '02-10', 'conversionStage', 'Not started', 'Piloting'),
    change('T-2', '02-15', 'conversionStage', 'Not started', 'Piloting'),
    change('T-2', '03-05', 'conversionStage', 'Piloting', 'Preparing'),
    change('T-3', '02-20', 'conversionStage', 'Piloting', 'Converted'),
    change('R-1', '03-03', 'riskLikelihood', 'Possible', 'Likely'),
    change('R-3', '03-05', 'riskImpact', 'Severe', 'Minor'),
    change('I-1', '02-01', 'stageGate', 'L1 Validated', 'L2 Planned'),
    change('I-1', '02-15', 'realisedValue', '10', '20'),
    change('I-1', '01-20', 'realisedValue', null, '10'),
    change('I-3', '03-05', 'realisedValue', null, '30'),
  ];
}

/** The site's statuses, in whatever case Jira lists them (looked up case-insensitively). */
export const STATUS_CATEGORIES: StatusCategories = {
  'To Do': 'new',
  'IN PROGRESS': 'indeterminate',
  'In Review': 'indeterminate',
  Blocked: 'indeterminate',
  'waiting for decision': 'indeterminate',
  Done: 'done',
};

export function historyModel(items: WorkItem[] = historyItems(), cfg: TransformationConfig = reportConfig()): TransformationModel {
  return buildTransformationModel(items, cfg, { now: READ_AT });
}
