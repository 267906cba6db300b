import { DEMO_USERS, demoRestrictedKeys } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { BASELINE_KEYS, SETTINGS_KEYS } from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { importSettingsResolver, saveSettingsResolver } from '../../src/resolvers/settings';
import { issueVisibleTo } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';
import { recordJiraRequests } from './jiraLog';
import { bridgeInvoke, definedResolverKeys, envelopeOf, keysOfProjects, MODULE_KEY, RESOLVER_SPECS, type Frame, type FrameModule, type ResolverSpec } from './bridgeClient';

/**
 * Who may see and do what, through the page host's HTTP bridge exactly as the real page calls the resolver:
 * every resolver × admin, team member and limited user × each of the three modules.
 */
describe('access: every resolver, every user, every module, through the bridge', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let defined: Set<string>;
  let jiraLog: ReturnType<typeof recordJiraRequests>;
  const USERS = [
    ['admin', DEMO_USERS.admin],
    ['team member', DEMO_USERS.teamMember],
    ['limited user', DEMO_USERS.limited],
  ] as const;
  /** The project each page of a user is on: one they may browse. */
  const FRAMES: Record<FrameModule, Frame> = { global: { module: 'global' }, project: { module: 'project', project: 'PAY' }, admin: { module: 'admin' } };

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
    defined = new Set(definedResolverKeys());
    jiraLog = recordJiraRequests();
  }, 60_000);
  afterAll(async () => {
    jiraLog?.stop();
    await platform?.close();
  });

  /** The projects a demo user may not browse. */
  const hiddenFrom = (accountId: string): string[] => {
    const user = site.users.find((u) => u.accountId === accountId);
    if (!user) throw new Error(`no user ${accountId}`);
    return user.browseProjects === '*' ? [] : site.projects.map((p) => p.key).filter((k) => !(user.browseProjects as string[]).includes(k));
  };
  const call = (accountId: string, frame: Frame, spec: ResolverSpec, payload: unknown = spec.payload(frame.module === 'project' ? (frame.project ?? null) : null)) =>
    bridgeInvoke(platform.host.url, accountId, frame, spec.key, payload).then(envelopeOf);
  const registered = () => RESOLVER_SPECS.filter((spec) => defined.has(spec.key));

  it('knows every resolver the app defines (a new resolver must be added to this table)', () => {
    expect(defined.size).toBeGreaterThanOrEqual(14);
    const known = new Set(RESOLVER_SPECS.map((s) => s.key));
    expect([...defined].filter((key) => !known.has(key))).toEqual([]);
  });

  it('the demo users differ as the test needs: the limited user may not browse HR and OPS, the team member only DTO and PAY', () => {
    expect(hiddenFrom(DEMO_USERS.admin)).toEqual([]);
    expect(hiddenFrom(DEMO_USERS.limited).sort()).toEqual(['HR', 'OPS']);
    expect(hiddenFrom(DEMO_USERS.teamMember).sort()).toEqual(['CARD', 'DATA', 'DIGI', 'HR', 'LEND', 'OPS']);
  });

  it('refuses every resolver called from a module it does not belong to, for every user, before doing anything', async () => {
    const refusals: string[] = [];
    for (const spec of registered()) {
      for (const module of (['global', 'project', 'admin'] as const).filter((m) => !spec.modules.includes(m))) {
        for (const [, accountId] of USERS) {
          const before = platform.emulator.stats().requests;
          const answer = await call(accountId, FRAMES[module], spec);
          expect(answer).toEqual({ success: false, error: { code: 'FORBIDDEN', message: `${spec.key} is not available from the module ${MODULE_KEY[module]}.` } });
          // Refused at the gate: no Jira request was made for it.
          expect(platform.emulator.stats().requests).toBe(before);
          refusals.push(`${spec.key}@${module}`);
        }
      }
    }
    // Page resolvers from the settings page, settings writes and field lookups from both pages.
    expect(refusals).toEqual(expect.arrayContaining(['page/summary@admin', 'panel/backlog@admin', 'settings/save@global', 'settings/save@project', 'settings/import@global', 'settings/fields@project']));
  }, 30_000);

  it('answers every other resolver, from every module it belongs to, to every user: settings writes only to the admin', async () => {
    const outcomes: string[] = [];
    for (const spec of registered().filter((s) => !s.readsIssues && !s.changesIssues && !s.changesBaselines)) {
      for (const module of spec.modules) {
        for (const [who, accountId] of USERS) {
          const answer = await call(accountId, FRAMES[module], spec);
          const outcome = answer.success ? 'ok' : answer.error.code;
          // The admin's write is judged on its payload (an empty configuration), so it gets that far.
          const expected = spec.changesSettings ? (accountId === DEMO_USERS.admin ? 'BAD_REQUEST' : 'FORBIDDEN') : 'ok';
          outcomes.push(`${spec.key}@${module} as ${who}: ${outcome}${outcome === expected ? '' : ` (expected ${expected})`}`);
        }
      }
    }
    expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(3 * 12);
  }, 30_000);

  it('baselines: anyone on a page saves one of the box they see, only a Jira administrator deletes one', async () => {
    const save = RESOLVER_SPECS.find((s) => s.key === BASELINE_KEYS.save) as ResolverSpec;
    const remove = RESOLVER_SPECS.find((s) => s.key === BASELINE_KEYS.delete) as ResolverSpec;
    const outcomes: string[] = [];
    for (const [who, accountId] of USERS) {
      const saved = await call(accountId, FRAMES.global, save);
      outcomes.push(`save@global as ${who}: ${saved.success ? 'ok' : saved.error.code}`);
      // A project page with several top boxes has no one box to baseline until one is opened.
      const onProject = await call(accountId, FRAMES.project, save);
      outcomes.push(`save@project as ${who}: ${onProject.success ? 'ok' : onProject.error.code}`);
      if (!saved.success) continue;
      const { id } = saved.data as { id: string };
      const deleted = await call(accountId, FRAMES.global, remove, { id });
      outcomes.push(`delete as ${who}: ${deleted.success ? 'ok' : deleted.error.code}`);
      if (!deleted.success) await call(DEMO_USERS.admin, FRAMES.global, remove, { id });
    }
    expect(outcomes).toEqual(USERS.flatMap(([who, accountId]) => [`save@global as ${who}: ok`, `save@project as ${who}: BAD_REQUEST`, `delete as ${who}: ${accountId === DEMO_USERS.admin ? 'ok' : 'FORBIDDEN'}`]));
  }, 30_000);

  it('the settings page’s field preview counts only the issues the caller may browse', async () => {
    const preview = RESOLVER_SPECS.find((s) => s.key === SETTINGS_KEYS.fieldPreview) as ResolverSpec;
    const countFor = async (accountId: string) => {
      const answer = await call(accountId, FRAMES.admin, preview);
      if (!answer.success) throw new Error(answer.error.message);
      return (answer.data as { count: number }).count;
    };
    const pointsField = site.fields.find((f) => f.name === 'Story point estimate')?.id ?? '';
    const withPoints = (accountId: string) => site.issues.filter((i) => issueVisibleTo(site, accountId)(i) && i.customFields[pointsField] !== undefined && i.customFields[pointsField] !== null).length;
    expect(preview.payload(null)).toEqual({ concept: 'storyPoints', fieldId: pointsField });
    expect(await countFor(DEMO_USERS.admin)).toBe(withPoints(DEMO_USERS.admin));
    expect(await countFor(DEMO_USERS.limited)).toBe(withPoints(DEMO_USERS.limited));
    expect(withPoints(DEMO_USERS.limited)).toBeLessThan(withPoints(DEMO_USERS.admin));
  });

  it.each(USERS)('page data for the %s holds no issue of a project they may not browse, from either page', async (_who, accountId) => {
    const hidden = hiddenFrom(accountId);
    const leaks: string[] = [];
    const answers = new Map<string, unknown>();
    // The admin may browse everything: their answers are only checked to work (and from one page, to keep the test short).
    const modules = hidden.length === 0 ? (['global'] as const) : (['global', 'project'] as const);
    for (const spec of registered().filter((s) => s.readsIssues)) {
      for (const module of modules) {
        const answer = await call(accountId, FRAMES[module], spec);
        if (!answer.success) throw new Error(`${spec.key}@${module}: ${answer.error.code} ${answer.error.message}`);
        answers.set(`${spec.key}@${module}`, answer.data);
        leaks.push(...keysOfProjects(answer.data, hidden).map((key) => `${spec.key}@${module}: ${key}`));
      }
    }
    expect(answers.size).toBeGreaterThanOrEqual(5);
    expect(leaks).toEqual([]);
    // Nor an issue under a security level they are not a member of, in a project they may browse.
    const restricted = demoRestrictedKeys(site).filter((key) => !issueVisibleTo(site, accountId)(site.issues.find((i) => i.key === key) as SiteData['issues'][number]));
    if (accountId !== DEMO_USERS.admin) expect(restricted.length).toBeGreaterThan(0);
    const mentioned = restricted.filter((key) => [...answers.values()].some((data) => JSON.stringify(data).includes(`"${key}"`)));
    expect(mentioned).toEqual([]);

    // Filtered, not emptied: the figures count exactly the issues they may see.
    const visible = site.issues.filter(issueVisibleTo(site, accountId));
    const isBox = (i: SiteData['issues'][number]) => ['Workstream', 'Initiative', 'Team'].includes(site.issueTypes.find((t) => t.id === i.issueTypeId)?.name ?? '');
    expect(answers.get('page/summary@global')).toMatchObject({ issueCount: visible.length });
    expect(answers.get('panel/backlog@global')).toMatchObject({ total: visible.filter((i) => !isBox(i)).length });
    expect((answers.get('panel/roadmap@global') as { rows: { kind: string; key: string | null }[] }).rows.filter((r) => r.kind === 'box' && r.key !== null)).toHaveLength(visible.filter(isBox).length);
  }, 60_000);

  it('the answers do hold the hidden projects’ issues for the admin, so the check above can see a leak', async () => {
    const spec = RESOLVER_SPECS.find((s) => s.key === 'panel/backlog') as ResolverSpec;
    const answer = await call(DEMO_USERS.admin, FRAMES.global, spec, { scope: { projectKey: null }, query: { text: 'HR-1', pageSize: 200 } });
    if (!answer.success) throw new Error(answer.error.message);
    expect(keysOfProjects(answer.data, ['HR']).length).toBeGreaterThan(0);
  });

  it('a project page of a project the user may not browse shows nothing of it', async () => {
    for (const spec of registered().filter((s) => s.readsIssues)) {
      const answer = await call(DEMO_USERS.limited, { module: 'project', project: 'HR' }, spec);
      if (answer.success) expect(keysOfProjects(answer.data, ['HR', 'OPS'])).toEqual([]);
      else expect(answer.error.code).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    }
  }, 30_000);

  it('a project page may not ask for another project, nor for the whole transformation', async () => {
    for (const spec of registered().filter((s) => s.readsIssues)) {
      for (const asked of ['HR', 'DTO', null]) {
        const answer = await call(DEMO_USERS.admin, FRAMES.project, spec, spec.payload(asked));
        expect(answer).toEqual({ success: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('This page belongs to project PAY') } });
      }
    }
  });

  it('settings changes need a Jira administrator on the settings page; nothing is written otherwise', async () => {
    const get = RESOLVER_SPECS.find((s) => s.key === SETTINGS_KEYS.get) as ResolverSpec;
    const revisionNow = async () => {
      const answer = await call(DEMO_USERS.admin, FRAMES.admin, get);
      if (!answer.success) throw new Error(answer.error.message);
      return answer.data as { revision: number; canEdit: boolean; config: { name: string } };
    };
    const before = await revisionNow();
    const config = { ...structuredClone(DEFAULT_CONFIG), name: 'Changed by someone' };
    const save = (accountId: string, module: FrameModule) =>
      bridgeInvoke(platform.host.url, accountId, FRAMES[module], SETTINGS_KEYS.save, { config, baseRevision: before.revision }).then(envelopeOf);
    const importJson = (accountId: string, module: FrameModule) =>
      bridgeInvoke(platform.host.url, accountId, FRAMES[module], SETTINGS_KEYS.import, { json: JSON.stringify(config), baseRevision: before.revision }).then(envelopeOf);

    for (const accountId of [DEMO_USERS.teamMember, DEMO_USERS.limited]) {
      for (const attempt of [save, importJson]) {
        expect(await attempt(accountId, 'admin')).toEqual({ success: false, error: { code: 'FORBIDDEN', message: 'Only Jira administrators can change Transformation Office settings.' } });
      }
    }
    // The admin too, from a page that is not the settings page.
    for (const module of ['global', 'project'] as const) expect(await save(DEMO_USERS.admin, module)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    expect(await revisionNow()).toEqual(before);
    for (const [, accountId] of USERS) {
      const settings = await call(accountId, FRAMES.admin, get);
      expect(settings).toMatchObject({ success: true, data: { canEdit: accountId === DEMO_USERS.admin } });
      expect(await call(accountId, FRAMES.global, get)).toMatchObject({ success: true, data: { canEdit: false } });
    }

    const saved = await save(DEMO_USERS.admin, 'admin');
    expect(saved).toMatchObject({ success: true, data: { revision: before.revision + 1, updatedBy: DEMO_USERS.admin } });
    expect((await revisionNow()).config.name).toBe('Changed by someone');
  });

  it('the settings writes check the page themselves too, not only through the module gate', async () => {
    // Called past src/resolvers/index.ts (as if a gate were misconfigured): still refused, before asking Jira anything.
    const before = platform.emulator.stats().requests;
    for (const resolver of [saveSettingsResolver, importSettingsResolver]) {
      for (const module of ['global', 'project'] as const) {
        const answer = await resolver({ payload: { config: {}, json: '{}', baseRevision: 0 }, context: { accountId: DEMO_USERS.admin, moduleKey: MODULE_KEY[module] } });
        expect(answer).toEqual({ success: false, error: { code: 'FORBIDDEN', message: 'Transformation Office settings can only be changed on its settings page in Jira administration.' } });
      }
    }
    expect(platform.emulator.stats().requests).toBe(before);
  });

  it('saved views belong to their user: one user’s views are never listed, changed or deleted by another', async () => {
    const views = (accountId: string, key: string, payload: unknown) => bridgeInvoke(platform.host.url, accountId, FRAMES.global, key, payload).then(envelopeOf);
    const mine = { id: 'mine', name: 'Mine', columns: ['key'], query: {} };
    expect(await views(DEMO_USERS.teamMember, 'views/save', { view: mine })).toMatchObject({ success: true });
    expect(await views(DEMO_USERS.limited, 'views/list', {})).toEqual({ success: true, data: [] });
    expect(await views(DEMO_USERS.limited, 'views/delete', { id: 'mine' })).toEqual({ success: true, data: [] });
    expect(await views(DEMO_USERS.teamMember, 'views/list', {})).toEqual({ success: true, data: [mine] });
    expect(await views(DEMO_USERS.teamMember, 'views/delete', { id: 'mine' })).toEqual({ success: true, data: [] });
  });

  it('every resolver refuses a caller Forge did not identify', async () => {
    for (const spec of registered()) {
      const module = spec.modules[0] as FrameModule;
      const response = await platform.runtime.invoke({
        functionKey: spec.key,
        payload: spec.payload(module === 'project' ? 'PAY' : null),
        context: { moduleKey: MODULE_KEY[module], accountId: undefined, extension: module === 'project' ? { type: 'jira:projectPage', project: { key: 'PAY' } } : {} },
      });
      expect(response).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('read Jira only as the calling user, never as the app, in every call above', () => {
    expect(jiraLog.requests.length).toBeGreaterThan(100);
    expect(jiraLog.requests.filter((r) => r.provider !== 'user').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});
