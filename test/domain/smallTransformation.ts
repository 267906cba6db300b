import type { WorkItem } from '../../src/domain';
import { doneItem, epic, initiative, milestone, riskItem, story, team, workstream } from './factories';

/**
 * A small transformation whose figures are worked out by hand below (today = 2026-03-10). Default
 * configuration: teams measure story points, every other box counts issues; risks never count toward progress.
 *
 *   root "Digital Transformation"
 *   ├─ DTO-1 Workstream "Customer journeys"             items: DTO-8 (risk)
 *   │  ├─ DTO-3 Initiative "Online checkout"  01-01…03-01  items: DTO-6 (milestone, due 03-05), DTO-9 (risk)
 *   │  │  ├─ PAY-1 Team "Payments A" (Converted)         items: PAY-10 epic (02-01…04-30) > PAY-9 ✓2, PAY-11 ✓3,
 *   │  │  │                                               PAY-12 5 (due 03-09), PAY-13 milestone (due 03-31); PAY-14 4
 *   │  │  └─ PAY-2 Team "Payments B" (Piloting)          nothing
 *   │  └─ DTO-4 Initiative "CRM rollout" ✓done 02-01…05-31
 *   │     └─ CRM-1 Team "CRM squad" (Sustaining) due 03-10 items: CRM-2 ✓8, CRM-3 2
 *   └─ DTO-2 Workstream "Operations"                    items: DTO-10 (risk, unscored)
 *      └─ DTO-5 Initiative "Back office" due 06-30      items: PAY-20 (a PAY story), DTO-11 (risk, closed)
 *         └─ OPS-1 Team "Ops crew" (Not started)        nothing
 *
 * Blocks: DTO-4 blocks DTO-5; PAY-12 blocks CRM-2.
 *
 * Progress by hand (each box: done of total over every work item in its subtree, in its own unit; risks never count):
 *   PAY-1 points: done 2+3 = 5 of 2+3+5+4 = 14 → 5/14 = 35.7 %; it holds 6 issues (PAY-10, 9, 11, 12, 13, 14), 2 done.
 *   PAY-10 (epic, by its team's points, its own 0 included): 5 of 10 → 50.0 %.   CRM-1: 8/10 → 80.0 %, 2 issues, 1 done.
 *   DTO-3: own DTO-6 (0 of 1) + PAY-1's 2 of 6 issues → 2/7 → 28.6 %  (PAY-2 measures nothing: "–").
 *   DTO-4: CRM-1's 1 of 2 issues → 50.0 %, though its issue is done.   DTO-5: PAY-20 0 of 1 → 0.0 %.
 *   DTO-1: 3 of 9 → 33.3 %.   DTO-2: 0 of 1 → 0.0 %.   OPS-1: "–".
 *   root: 3 of 10 → 30.0 %.
 * Teams converted: PAY-1 ✓, PAY-2 ✗, CRM-1 ✓, OPS-1 ✗ → root 2/4; DTO-1 2/3; DTO-3 1/2; DTO-2 0/1.
 */
export const TODAY = '2026-03-10';

export function smallTransformation(): WorkItem[] {
  return [
    workstream('DTO-1', { summary: 'Customer journeys' }),
    workstream('DTO-2', { summary: 'Operations' }),
    initiative('DTO-3', 'DTO-1', { summary: 'Online checkout', fields: { startDate: '2026-01-01', dueDate: '2026-03-01' } }),
    initiative('DTO-4', 'DTO-1', { summary: 'CRM rollout', status: 'Done', statusCategory: 'done', fields: { startDate: '2026-02-01', dueDate: '2026-05-31' }, blocks: ['DTO-5'] }),
    initiative('DTO-5', 'DTO-2', { summary: 'Back office', fields: { dueDate: '2026-06-30' } }),
    team('PAY-1', 'DTO-3', 'Converted', { summary: 'Payments A' }),
    team('PAY-2', 'DTO-3', 'Piloting', { summary: 'Payments B' }),
    team('CRM-1', 'DTO-4', 'Sustaining', { summary: 'CRM squad', fields: { conversionStage: 'Sustaining', dueDate: '2026-03-10' } }),
    team('OPS-1', 'DTO-5', 'Not started', { summary: 'Ops crew' }),
    epic('PAY-10', 'PAY-1', { summary: 'Checkout epic', fields: { startDate: '2026-02-01', dueDate: '2026-04-30' } }),
    story('PAY-9', 'PAY-10', 2, { summary: 'Card payments', status: 'Done', statusCategory: 'done' }),
    story('PAY-11', 'PAY-10', 3, { summary: 'Wallet payments', status: 'Done', statusCategory: 'done', assignee: 'Ben' }),
    story('PAY-12', 'PAY-10', 5, { summary: 'Refund flow', status: 'In Progress', statusCategory: 'indeterminate', assignee: 'Ben', labels: ['mobile'], fields: { dueDate: '2026-03-09' }, blocks: ['CRM-2'] }),
    milestone('PAY-13', 'PAY-10', '2026-03-31', { summary: 'Checkout beta' }),
    story('PAY-14', 'PAY-1', 4, { summary: 'Fraud checks' }),
    doneItem({ key: 'CRM-2', parentKey: 'CRM-1', summary: 'Customer import', fields: { storyPoints: 8 } }),
    story('CRM-3', 'CRM-1', 2, { summary: 'Duplicate merge', labels: ['data', 'Mobile'] }),
    story('PAY-20', 'DTO-5', null, { summary: 'Invoice export' }),
    milestone('DTO-6', 'DTO-3', '2026-03-05', { summary: 'Pilot go-live' }),
    riskItem('DTO-8', 'DTO-1', { riskLikelihood: 'Likely', riskImpact: 'Major', residualLikelihood: 'Unlikely', residualImpact: '3 - Moderate', mitigation: ' Train coaches ' }, { summary: 'Coaches leave', assignee: 'Ana' }),
    riskItem('DTO-9', 'DTO-3', { riskLikelihood: 3, riskImpact: 'minor' }, { summary: 'PSP outage' }),
    riskItem('DTO-10', 'DTO-2', { riskLikelihood: 'Possible' }, { summary: 'Budget cut' }),
    riskItem('DTO-11', 'DTO-5', { riskLikelihood: 5, riskImpact: 5 }, { summary: 'Vendor lock-in', status: 'Closed', statusCategory: 'done' }),
  ];
}
