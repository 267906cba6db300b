/**
 * The demo site's fixed vocabulary: issue types, statuses and projects.
 * Names match DEFAULT_CONFIG so the app works on the site out of the box.
 */
import type { SiteIssueType, SiteStatus } from '../emulator/siteData';

export const SITE_URL = 'https://northwind-bank.atlassian.net';

export const ISSUE_TYPE = {
  workstream: { id: '10010', name: 'Workstream', hierarchyLevel: 3, subtask: false },
  initiative: { id: '10009', name: 'Initiative', hierarchyLevel: 2, subtask: false },
  team: { id: '10008', name: 'Team', hierarchyLevel: 1, subtask: false },
  epic: { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
  story: { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false },
  task: { id: '10002', name: 'Task', hierarchyLevel: 0, subtask: false },
  bug: { id: '10003', name: 'Bug', hierarchyLevel: 0, subtask: false },
  risk: { id: '10004', name: 'Risk', hierarchyLevel: 0, subtask: false },
  milestone: { id: '10005', name: 'Milestone', hierarchyLevel: 0, subtask: false },
  subtask: { id: '10006', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
} as const satisfies Record<string, SiteIssueType>;

export type IssueTypeKey = keyof typeof ISSUE_TYPE;

export const ISSUE_TYPES: SiteIssueType[] = Object.values(ISSUE_TYPE).map((t) => ({ ...t }));

export const STATUS = {
  toDo: { id: '10000', name: 'To Do', categoryKey: 'new' },
  backlog: { id: '10001', name: 'Backlog', categoryKey: 'new' },
  inProgress: { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
  inReview: { id: '10002', name: 'In Review', categoryKey: 'indeterminate' },
  blocked: { id: '10003', name: 'Blocked', categoryKey: 'indeterminate' },
  waiting: { id: '10004', name: 'Waiting for decision', categoryKey: 'indeterminate' },
  done: { id: '10005', name: 'Done', categoryKey: 'done' },
  closed: { id: '6', name: 'Closed', categoryKey: 'done' },
} as const satisfies Record<string, SiteStatus>;

export type StatusKey = keyof typeof STATUS;

export const STATUSES: SiteStatus[] = Object.values(STATUS).map((s) => ({ ...s }));

export function isDone(status: StatusKey): boolean {
  return STATUS[status].categoryKey === 'done';
}

export function isNew(status: StatusKey): boolean {
  return STATUS[status].categoryKey === 'new';
}

export const PROGRAM_PROJECT = { key: 'DTO', name: 'Transformation Office' } as const;

export interface DeliveryProjectDef {
  key: string;
  name: string;
  /** Conversion wave the project's teams belong to (1 = pilot wave). */
  wave: 1 | 2 | 3;
  /** Per team: its name and the index of the initiative (0..11) it converts under. */
  teams: readonly (readonly [name: string, initiative: number])[];
  /** Nouns the project's work items are about. */
  topics: readonly string[];
}

export const DELIVERY_PROJECTS: readonly DeliveryProjectDef[] = [
  {
    key: 'PAY', name: 'Payments', wave: 1,
    teams: [['Instant Payments', 0], ['Payment Gateway', 0], ['Cross-border Payments', 0], ['Direct Debits', 0], ['Payments API', 5], ['Reconciliation', 5], ['Merchant Services', 5]],
    topics: ['SEPA instant transfer', 'payment status page', 'refund flow', 'standing orders', 'payee verification', 'FX quote service', 'ISO 20022 messages', 'payment limits', 'batch payment upload', 'reconciliation report'],
  },
  {
    key: 'CARD', name: 'Cards', wave: 2,
    teams: [['Card Issuing', 1], ['Card Controls', 1], ['Disputes & Chargebacks', 1], ['Rewards', 1], ['Card Fraud Detection', 7], ['Tokenisation', 7]],
    topics: ['virtual card', 'card freeze toggle', 'PIN reveal', 'dispute form', 'chargeback workflow', 'spending limits', 'Apple Pay provisioning', 'rewards balance', 'card replacement', 'fraud alert'],
  },
  {
    key: 'LEND', name: 'Lending', wave: 2,
    teams: [['Mortgage Origination', 2], ['Credit Decisioning', 2], ['Loan Servicing', 2], ['Collections', 2], ['SME Lending', 4], ['Affordability', 4]],
    topics: ['mortgage application', 'credit score check', 'affordability calculator', 'loan offer letter', 'repayment schedule', 'document upload', 'valuation booking', 'collections dialer', 'early repayment quote', 'broker portal'],
  },
  {
    key: 'DIGI', name: 'Digital Channels', wave: 1,
    teams: [['Mobile App', 3], ['Web Banking', 3], ['Design System', 3], ['Notifications', 3], ['Onboarding', 4], ['Identity & Login', 4], ['Open Banking', 5]],
    topics: ['login screen', 'biometric sign-in', 'account dashboard', 'push notifications', 'onboarding wizard', 'accessibility audit', 'dark mode', 'consent management', 'in-app chat', 'design tokens'],
  },
  {
    key: 'DATA', name: 'Data Platform', wave: 2,
    teams: [['Data Ingestion', 6], ['Analytics Engineering', 6], ['Data Governance', 6], ['Real-time Streaming', 7], ['ML Platform', 7]],
    topics: ['Kafka topic', 'customer 360 view', 'data lineage', 'dbt model', 'feature store', 'data quality checks', 'GDPR erasure job', 'lakehouse table', 'BI dashboard', 'model monitoring'],
  },
  {
    key: 'OPS', name: 'Operations', wave: 3,
    teams: [['Core Banking Migration', 8], ['Mainframe Exit', 8], ['Service Desk', 9], ['Back Office Automation', 9], ['Branch Operations', 9]],
    topics: ['mainframe batch job', 'runbook', 'incident process', 'RPA bot', 'branch cash process', 'service catalogue', 'SLA report', 'core ledger interface', 'case management', 'ticket routing'],
  },
  {
    key: 'HR', name: 'People', wave: 3,
    teams: [['Talent Acquisition', 10], ['Learning & Capability', 10], ['Reward & Funding', 11], ['People Analytics', 11]],
    topics: ['agile role profiles', 'career framework', 'onboarding journey', 'learning path', 'coaching programme', 'engagement survey', 'funding model', 'performance cycle', 'skills matrix', 'people dashboard'],
  },
];

export const WORKSTREAMS: readonly string[] = [
  'Customer Journeys',
  'Digital Channels & Experience',
  'Data & Platforms',
  'Operating Model & People',
];

/** 12 initiatives, three per workstream (index / 3 = workstream index). */
export const INITIATIVES: readonly string[] = [
  'Mobile-first payments',
  'Cards self-service',
  'Digital mortgage origination',
  'Omnichannel banking app',
  'Customer onboarding revamp',
  'Open banking APIs',
  'Cloud data platform',
  'Real-time fraud analytics',
  'Core platform decommissioning',
  'Lean operations',
  'Agile HR & capability building',
  'Product-based funding',
];

export const WORK_LABELS: readonly string[] = ['customer-facing', 'tech-debt', 'regulatory', 'quick-win', 'platform', 'ux', 'security', 'automation', 'compliance', 'performance'];
