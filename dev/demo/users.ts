/**
 * The people of the demo site: ~30 staff of a bank going through a digital transformation,
 * plus the three demo personas (admin, team member, limited user) and the app's own account.
 * Account ids are fixed (not seeded) so DEMO_USERS is a constant.
 */
import type { SiteUser } from '../emulator/siteData';
import { hashSeed } from './random';

const EMAIL_DOMAIN = 'northwind-bank.example';

export interface Person {
  accountId: string;
  displayName: string;
  /** Project the person mostly works in. */
  home: string;
  role: 'sponsor' | 'pmo' | 'delivery';
}

function hex(value: number, length: number): string {
  return (value >>> 0).toString(16).padStart(8, '0').slice(0, length);
}

/** A stable, Atlassian-looking account id ("712020:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"). */
function accountIdFor(name: string): string {
  const h = (label: string) => hashSeed(0x5eed, `${name}:${label}`);
  return `712020:${hex(h('a'), 8)}-${hex(h('b'), 4)}-4${hex(h('c'), 3)}-a${hex(h('d'), 3)}-${hex(h('e'), 8)}${hex(h('f'), 4)}`;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
}

const STAFF: readonly (readonly [string, string, Person['role']])[] = [
  ['Helen Carter', 'DTO', 'sponsor'],
  ['Rajesh Iyer', 'DTO', 'sponsor'],
  ['Sophie Laurent', 'DTO', 'sponsor'],
  ['Marcus Bell', 'DTO', 'sponsor'],
  ['Nadia Haddad', 'DTO', 'pmo'],
  ['Tom Fischer', 'DTO', 'pmo'],
  ['Grace Liu', 'DTO', 'pmo'],
  ['Oliver Grant', 'DTO', 'pmo'],
  ['Aisha Bello', 'PAY', 'delivery'],
  ['Daniel Kowalski', 'PAY', 'delivery'],
  ['Emma Johansson', 'PAY', 'delivery'],
  ['Luca Romano', 'PAY', 'delivery'],
  ['Chloe Martin', 'CARD', 'delivery'],
  ['Kenji Watanabe', 'CARD', 'delivery'],
  ['Fatima Zahra', 'CARD', 'delivery'],
  ['Ben Thompson', 'LEND', 'delivery'],
  ['Isabel Garcia', 'LEND', 'delivery'],
  ['Arjun Mehta', 'LEND', 'delivery'],
  ['Hannah Schmidt', 'DIGI', 'delivery'],
  ['Diego Alvarez', 'DIGI', 'delivery'],
  ['Mei Chen', 'DIGI', 'delivery'],
  ['Jonas Berg', 'DIGI', 'delivery'],
  ['Priya Nair', 'DATA', 'delivery'],
  ['Ethan Walker', 'DATA', 'delivery'],
  ['Zoe Papadopoulos', 'DATA', 'delivery'],
  ['Samuel Adeyemi', 'OPS', 'delivery'],
  ['Laura Rossi', 'OPS', 'delivery'],
  ['Victor Dubois', 'OPS', 'delivery'],
  ['Olivia Brown', 'HR', 'delivery'],
  ['Noah Kim', 'HR', 'delivery'],
];

const ADMIN_NAME = 'Morgan Ellis';
const TEAM_MEMBER_NAME = 'Sam Okafor';
const LIMITED_NAME = 'Lee Novak';
const APP_NAME = 'Transformation Office (app)';

/** The demo personas' account ids. */
export const DEMO_USERS = {
  /** Jira admin, browses everything. */
  admin: accountIdFor(ADMIN_NAME),
  /** Browses DTO and PAY only; works in team PAY-1. */
  teamMember: accountIdFor(TEAM_MEMBER_NAME),
  /** Browses everything except HR and OPS; works in DIGI. */
  limited: accountIdFor(LIMITED_NAME),
  /** The app's own account: browses every project, not an admin. */
  app: accountIdFor(APP_NAME),
} as const;

export const TEAM_MEMBER_PROJECTS: readonly string[] = ['DTO', 'PAY'];
/** The team member changes issues of their own team's project only: DTO's they may read, not edit. */
export const TEAM_MEMBER_WORK_PROJECTS: readonly string[] = ['PAY'];
export const LIMITED_HIDDEN_PROJECTS: readonly string[] = ['HR', 'OPS'];

/** Everyone who can own, report or change issues (the app account never does). */
export const PEOPLE: readonly Person[] = [
  ...STAFF.map(([displayName, home, role]) => ({ accountId: accountIdFor(displayName), displayName, home, role })),
  { accountId: DEMO_USERS.admin, displayName: ADMIN_NAME, home: 'DTO', role: 'pmo' },
  { accountId: DEMO_USERS.teamMember, displayName: TEAM_MEMBER_NAME, home: 'PAY', role: 'delivery' },
  { accountId: DEMO_USERS.limited, displayName: LIMITED_NAME, home: 'DIGI', role: 'delivery' },
];

function person(name: string): Person {
  const found = PEOPLE.find((p) => p.displayName === name);
  if (!found) throw new Error(`Unknown person ${name}`);
  return found;
}

export const SPONSORS: readonly Person[] = PEOPLE.filter((p) => p.role === 'sponsor');
export const PMO: readonly Person[] = PEOPLE.filter((p) => p.role === 'pmo');
export const TRANSFORMATION_LEAD: Person = person('Nadia Haddad');
export const RISK_MANAGER: Person = person('Oliver Grant');

const peopleByHome = new Map<string, Person[]>();
for (const p of PEOPLE) {
  const list = peopleByHome.get(p.home) ?? [];
  list.push(p);
  peopleByHome.set(p.home, list);
}

/** The people who work in a project (delivery staff for delivery projects, the PMO for DTO). */
export function peopleOf(projectKey: string): readonly Person[] {
  const list = peopleByHome.get(projectKey);
  if (!list || list.length === 0) throw new Error(`Nobody works in ${projectKey}`);
  return list;
}

/** The project lead: the first person listed for the project. */
export function leadOf(projectKey: string): Person {
  if (projectKey === 'DTO') return TRANSFORMATION_LEAD;
  return peopleOf(projectKey)[0] as Person;
}

export function buildUsers(allProjectKeys: readonly string[]): SiteUser[] {
  const user = (
    displayName: string,
    accountId: string,
    browseProjects: SiteUser['browseProjects'],
    workProjects: SiteUser['browseProjects'],
    isJiraAdmin = false,
    email = `${slug(displayName)}@${EMAIL_DOMAIN}`,
  ): SiteUser => ({
    accountId,
    displayName,
    emailAddress: email,
    apiToken: `demo-token-${slug(displayName).replace(/\./g, '-')}`,
    isJiraAdmin,
    browseProjects,
    workProjects,
  });
  // Staff read every project and change issues where they work: their own project, and the DTO's for its people.
  return [
    ...STAFF.map(([name, home]) => user(name, accountIdFor(name), '*', home === 'DTO' ? ['DTO'] : [home, 'DTO'])),
    user(ADMIN_NAME, DEMO_USERS.admin, '*', '*', true),
    user(TEAM_MEMBER_NAME, DEMO_USERS.teamMember, [...TEAM_MEMBER_PROJECTS], [...TEAM_MEMBER_WORK_PROJECTS]),
    user(LIMITED_NAME, DEMO_USERS.limited, allProjectKeys.filter((k) => !LIMITED_HIDDEN_PROJECTS.includes(k)), ['DIGI']),
    // The app reads as itself; it changes issues only as the user who asks (asUser).
    user(APP_NAME, DEMO_USERS.app, '*', [], false, `transformation-office-app@${EMAIL_DOMAIN}`),
  ];
}
