import type { SiteField } from '../../../dev/emulator/siteData';
import { DEFAULT_CONFIG } from '../../../src/domain/defaultConfig';
import { DEMO_FLAWS } from '../../../dev/demo/generate';
import { demoSite, indexSite } from './helpers';

const site = demoSite();
const idx = indexSite(site);
const count = (type: string) => idx.ofType(type).length;
const flawKeys = (kind: string) => DEMO_FLAWS.filter((f) => f.kind === kind).map((f) => f.key);

describe('demo site structure', () => {
  it('has the issue types and statuses the app expects', () => {
    const levels = Object.fromEntries(site.issueTypes.map((t) => [t.name, t.hierarchyLevel]));
    expect(levels).toEqual({ Workstream: 3, Initiative: 2, Team: 1, Epic: 1, Story: 0, Task: 0, Bug: 0, Risk: 0, Milestone: 0, 'Sub-task': -1 });
    expect(site.issueTypes.find((t) => t.name === 'Sub-task')?.subtask).toBe(true);
    const categories = Object.fromEntries(site.statuses.map((s) => [s.name, s.categoryKey]));
    expect(categories).toEqual({
      'To Do': 'new', Backlog: 'new',
      'In Progress': 'indeterminate', 'In Review': 'indeterminate', Blocked: 'indeterminate', 'Waiting for decision': 'indeterminate',
      Done: 'done', Closed: 'done',
    });
    for (const box of DEFAULT_CONFIG.boxTypes) {
      if (box.source.kind === 'issueType') expect(levels[box.source.issueType]).toBeDefined();
    }
    for (const name of [...DEFAULT_CONFIG.riskIssueTypes, ...DEFAULT_CONFIG.milestoneIssueTypes]) expect(levels[name]).toBeDefined();
  });

  it('has a programme project and seven delivery projects', () => {
    expect(site.projects.map((p) => p.key)).toEqual(['DTO', 'PAY', 'CARD', 'LEND', 'DIGI', 'DATA', 'OPS', 'HR']);
    expect(site.projects[0]?.name).toBe('Transformation Office');
    expect(new Set(site.projects.map((p) => p.id)).size).toBe(8);
    const userIds = new Set(site.users.map((u) => u.accountId));
    for (const p of site.projects) expect(userIds.has(p.leadAccountId)).toBe(true);
  });

  it('holds the transformation in the expected numbers', () => {
    expect(count('Workstream')).toBe(4);
    expect(count('Initiative')).toBe(12);
    expect(count('Team')).toBe(40);
    expect(count('Risk')).toBe(60);
    expect(count('Milestone')).toBe(30);
    expect(site.issues.length).toBeGreaterThanOrEqual(1500);
    expect(site.issues.length).toBeLessThan(1800);
    expect(count('Epic')).toBeGreaterThanOrEqual(120);
    expect(count('Story')).toBeGreaterThan(count('Task'));
    expect(count('Task')).toBeGreaterThan(count('Bug'));
    expect(count('Sub-task')).toBeGreaterThan(0);
  });

  it('puts the programme in DTO and the teams and their work in the delivery projects', () => {
    for (const type of ['Workstream', 'Initiative', 'Risk', 'Milestone']) for (const i of idx.ofType(type)) expect(i.projectKey).toBe('DTO');
    for (const type of ['Team', 'Epic', 'Story', 'Task', 'Bug', 'Sub-task']) for (const i of idx.ofType(type)) expect(i.projectKey).not.toBe('DTO');
    const teamsPerProject = new Map<string, number>();
    for (const t of idx.ofType('Team')) teamsPerProject.set(t.projectKey, (teamsPerProject.get(t.projectKey) ?? 0) + 1);
    expect(teamsPerProject.size).toBe(7);
  });

  it('numbers keys per project 1..n and ids uniquely', () => {
    expect(new Set(site.issues.map((i) => i.id)).size).toBe(site.issues.length);
    expect(new Set(site.issues.map((i) => i.key)).size).toBe(site.issues.length);
    const perProject = new Map<string, number[]>();
    for (const i of site.issues) {
      const [project, n] = i.key.split('-');
      expect(project).toBe(i.projectKey);
      perProject.set(i.projectKey, [...(perProject.get(i.projectKey) ?? []), Number(n)]);
    }
    for (const numbers of perProject.values()) expect(numbers.slice().sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    const changelogIds = site.issues.flatMap((i) => i.changelog.map((e) => e.id));
    expect(new Set(changelogIds).size).toBe(changelogIds.length);
  });

  it('links every parent to an existing issue of the level above', () => {
    const expectedParent: Record<string, string[]> = {
      Initiative: ['Workstream'],
      Team: ['Initiative'],
      Epic: ['Team'],
      Story: ['Epic'], Task: ['Epic'], Bug: ['Epic'],
      'Sub-task': ['Story'],
      Risk: ['Initiative', 'Workstream'],
      Milestone: ['Initiative', 'Workstream'],
    };
    const orphans: string[] = [];
    for (const issue of site.issues) {
      const type = idx.typeOf(issue);
      if (issue.parentKey === null) {
        if (type !== 'Workstream') orphans.push(issue.key);
        continue;
      }
      const parent = idx.byKey.get(issue.parentKey);
      expect(parent).toBeDefined();
      if (parent) expect(expectedParent[type]).toContain(idx.typeOf(parent));
    }
    expect(orphans.sort()).toEqual(flawKeys('noParent').sort());
  });

  it('gives every team epics, every epic children, and risks and milestones to initiatives and workstreams', () => {
    const children = new Map<string, number>();
    for (const i of site.issues) if (i.parentKey) children.set(i.parentKey, (children.get(i.parentKey) ?? 0) + 1);
    for (const team of idx.ofType('Team')) expect(children.get(team.key) ?? 0).toBeGreaterThan(0);
    for (const epic of idx.ofType('Epic')) expect(children.get(epic.key) ?? 0).toBeGreaterThan(0);
    for (const init of idx.ofType('Initiative')) {
      const kids = site.issues.filter((i) => i.parentKey === init.key).map((i) => idx.typeOf(i));
      expect(kids).toContain('Risk');
      expect(kids).toContain('Milestone');
      expect(kids).toContain('Team');
    }
    for (const ws of idx.ofType('Workstream')) {
      const kids = site.issues.filter((i) => i.parentKey === ws.key).map((i) => idx.typeOf(i));
      expect(kids.filter((k) => k === 'Initiative')).toHaveLength(3);
      expect(kids).toContain('Risk');
    }
  });

  it('refers only to users, projects, types and statuses the site has', () => {
    const users = new Set(site.users.map((u) => u.accountId));
    const projects = new Set(site.projects.map((p) => p.key));
    const types = new Set(site.issueTypes.map((t) => t.id));
    const statuses = new Set(site.statuses.map((s) => s.id));
    for (const i of site.issues) {
      expect(projects.has(i.projectKey)).toBe(true);
      expect(types.has(i.issueTypeId)).toBe(true);
      expect(statuses.has(i.statusId)).toBe(true);
      if (i.assigneeAccountId !== null) expect(users.has(i.assigneeAccountId)).toBe(true);
      if (i.reporterAccountId !== null) expect(users.has(i.reporterAccountId)).toBe(true);
      for (const e of i.changelog) expect(users.has(e.authorAccountId)).toBe(true);
    }
  });

  it('assigns work to some 30 people', () => {
    const assignees = new Set(site.issues.map((i) => i.assigneeAccountId).filter((a) => a !== null));
    expect(assignees.size).toBeGreaterThanOrEqual(28);
    expect(site.issues.some((i) => i.assigneeAccountId === null)).toBe(true);
  });

  it('has Blocks links between items of different teams', () => {
    const links = site.issues.flatMap((i) => i.blocks.map((to) => [i, to] as const));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const [from, toKey] of links) {
      const to = idx.byKey.get(toKey);
      expect(to).toBeDefined();
      if (!to) continue;
      const a = idx.teamOf(from);
      const b = idx.teamOf(to);
      expect(a?.key).toBeDefined();
      expect(a?.key).not.toBe(b?.key);
    }
    expect(links.some(([, to]) => idx.byKey.get(to)?.statusId === site.statuses.find((s) => s.name === 'Blocked')?.id)).toBe(true);
  });

  it('uses labels and a few flags', () => {
    expect(site.issues.filter((i) => i.labels.length > 0).length).toBeGreaterThan(site.issues.length / 3);
    const flagged = site.issues.filter((i) => i.customFields[idx.fieldId('Flagged')] !== undefined);
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    expect(flagged.length).toBeLessThan(site.issues.length * 0.03);
  });
});

describe('demo site fields', () => {
  const byId = new Map(site.fields.map((f) => [f.id, f] as const));

  it('names every field the default configuration maps', () => {
    const names = new Set(site.fields.map((f) => f.name));
    for (const name of Object.values(DEFAULT_CONFIG.fieldMapping)) expect(names.has(name)).toBe(true);
    expect(new Set(site.fields.map((f) => f.id)).size).toBe(site.fields.length);
    expect(new Set(site.fields.map((f) => f.name)).size).toBe(site.fields.length);
  });

  it('describes fields with Jira ids and schemas', () => {
    const f = (name: string) => site.fields.find((x) => x.name === name) as SiteField;
    expect(f('Due date')).toMatchObject({ id: 'duedate', custom: false, schema: { type: 'date', system: 'duedate' } });
    expect(f('Original estimate')).toMatchObject({ id: 'timeoriginalestimate', schema: { type: 'number', system: 'timeoriginalestimate' } });
    for (const id of ['summary', 'status', 'issuetype', 'project', 'parent', 'assignee', 'reporter', 'labels', 'created', 'updated', 'resolutiondate', 'issuelinks', 'priority']) expect(byId.has(id)).toBe(true);
    expect(f('Start date').schema).toMatchObject({ type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' });
    expect(f('Story point estimate').schema).toMatchObject({ type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' });
    expect(f('Conversion stage').options).toEqual(DEFAULT_CONFIG.conversion.stages);
    for (const name of ['Risk likelihood', 'Residual likelihood']) expect(f(name).options).toEqual(DEFAULT_CONFIG.riskScale.likelihoodLabels);
    for (const name of ['Risk impact', 'Residual impact']) expect(f(name).options).toEqual(DEFAULT_CONFIG.riskScale.impactLabels);
    expect(f('Stage gate').options).toEqual(['L0 Idea', 'L1 Validated', 'L2 Planned', 'L3 Approved', 'L4 Done', 'L5 Value realised']);
    expect(f('Mitigation').schema).toMatchObject({ type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' });
    expect(f('Sponsor').schema?.type).toBe('user');
    expect(f('Flagged').schema).toMatchObject({ type: 'array', items: 'option' });
    expect(f('Flagged').options).toEqual(['Impediment']);
    for (const field of site.fields.filter((x) => x.custom)) {
      expect(field.id).toMatch(/^customfield_100\d\d$/);
      expect(field.key).toBe(field.id);
      expect(field.schema?.customId).toBe(Number(field.id.slice(12)));
    }
  });

  it('stores custom field values in REST v3 shape that fits the field', () => {
    const isOption = (v: unknown, options: string[] | undefined): boolean => {
      if (!v || typeof v !== 'object') return false;
      const o = v as Record<string, unknown>;
      return typeof o.value === 'string' && typeof o.id === 'string' && typeof o.self === 'string' && o.self.endsWith(`/${o.id}`) && (options ?? []).includes(o.value);
    };
    const seen = new Set<string>();
    for (const issue of site.issues) {
      for (const [id, value] of Object.entries(issue.customFields)) {
        const field = byId.get(id);
        expect(field).toBeDefined();
        if (!field?.schema) continue;
        seen.add(field.name);
        switch (field.schema.type) {
          case 'date':
            expect(value).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
            break;
          case 'number':
            expect(typeof value === 'number' && Number.isFinite(value)).toBe(true);
            break;
          case 'option':
            expect(isOption(value, field.options)).toBe(true);
            break;
          case 'array':
            expect(Array.isArray(value) && value.length > 0 && value.every((v) => isOption(v, field.options))).toBe(true);
            break;
          case 'user': {
            const user = value as { accountId: string; displayName: string; active: boolean };
            expect(site.users.find((u) => u.accountId === user.accountId)?.displayName).toBe(user.displayName);
            expect(user.active).toBe(true);
            break;
          }
          case 'string':
            expect(value).toMatchObject({ type: 'doc', version: 1, content: expect.arrayContaining([expect.objectContaining({ type: 'paragraph' })]) });
            break;
          default:
            throw new Error(`unexpected schema ${field.schema.type}`);
        }
      }
    }
    expect([...seen].sort()).toEqual(site.fields.filter((f) => f.custom).map((f) => f.name).sort());
  });

  it('uses only known fields in changelogs, select items by option id', () => {
    for (const issue of site.issues) {
      for (const entry of issue.changelog) {
        for (const item of entry.items) {
          const field = item.fieldId ? byId.get(item.fieldId) : undefined;
          expect(field).toBeDefined();
          if (!field) continue;
          expect(item.fieldtype).toBe(field.custom ? 'custom' : 'jira');
          expect(item.field).toBe(field.custom ? field.name : field.id);
          if (field.schema?.type === 'option') {
            for (const [raw, text] of [[item.from, item.fromString], [item.to, item.toString]] as const) {
              if (text === null) expect(raw).toBeNull();
              else expect(field.options).toContain(text);
            }
          }
        }
      }
    }
  });

  it('gives work items Fibonacci story points, estimates and start dates', () => {
    const sp = idx.fieldId('Story point estimate');
    const start = idx.fieldId('Start date');
    const zero = new Set(DEMO_FLAWS.filter((f) => f.kind === 'zeroStoryPoints').map((f) => f.key));
    const stories = idx.ofType('Story');
    for (const story of stories) {
      const points = story.customFields[sp];
      if (zero.has(story.key)) expect(points).toBe(0);
      else expect([1, 2, 3, 5, 8, 13]).toContain(points);
      expect(story.timeoriginalestimate).toBeGreaterThan(0);
      expect(story.customFields[start]).toBeDefined();
    }
    const estimates = site.issues.map((i) => i.timeoriginalestimate).filter((e) => e !== null);
    expect(estimates.length).toBeGreaterThan(1000);
    for (const e of estimates) expect(e % 3600).toBe(0);
  });

  it('gives workstreams sponsors and initiatives dates, gates and values', () => {
    for (const ws of idx.ofType('Workstream')) {
      expect(ws.customFields[idx.fieldId('Sponsor')]).toBeDefined();
      expect(ws.customFields[idx.fieldId('Start date')]).toBeDefined();
      expect(ws.duedate).not.toBeNull();
    }
    const noDue = new Set(DEMO_FLAWS.filter((f) => f.kind === 'missingDueDate').map((f) => f.key));
    for (const init of idx.ofType('Initiative')) {
      expect(init.customFields[idx.fieldId('Start date')]).toBeDefined();
      expect(init.duedate === null).toBe(noDue.has(init.key));
      expect(optionOfGate(init.customFields[idx.fieldId('Stage gate')])).toBeDefined();
      expect(init.customFields[idx.fieldId('Target value')]).toBeGreaterThan(0);
      expect(init.customFields[idx.fieldId('Manual progress')]).toBeGreaterThanOrEqual(0);
      expect(init.customFields[idx.fieldId('Sponsor')]).toBeDefined();
    }
    expect(idx.ofType('Initiative').filter((i) => (i.customFields[idx.fieldId('Realised value')] ?? 0) !== 0).length).toBeGreaterThan(3);
  });
});

function optionOfGate(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'value' in value && typeof value.value === 'string' ? value.value : undefined;
}
