import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import {
  SETTINGS_KEYS,
  SETTINGS_MODULE_KEY,
  type ExportedSettingsDto,
  type FieldPreviewDto,
  type SavedSettingsDto,
  type SettingsDto,
  type SettingsFieldsDto,
  type SettingsResponse,
  type TransformationConfigDto,
} from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { issueVisibleTo } from '../support/expectedModel';
import { GLOBAL_PAGE, startTestPlatform, testSite } from '../support/platform';

const SETTINGS_PAGE = { moduleKey: SETTINGS_MODULE_KEY, extension: { type: 'jira:adminPage' } };
const SETTINGS_KEY = 'transformation-office:settings';
type Page = typeof SETTINGS_PAGE | typeof GLOBAL_PAGE;

const named = (name: string): TransformationConfigDto => ({ ...(JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as TransformationConfigDto), name });

/** The real handler through the local Forge runtime: @forge/kvs → local store, @forge/api → the Jira emulator. */
describe('settings resolvers through the local Forge platform', () => {
  let site: SiteData;
  let platform: LocalPlatform;

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
  });
  afterAll(() => platform.close());
  beforeEach(() => {
    platform.emulator.faults.clear();
    platform.emulator.resetStats();
  });

  const call = async <T>(key: string, accountId: string | undefined, payload: unknown = {}, page: Page = SETTINGS_PAGE) =>
    (await platform.runtime.invoke({ functionKey: key, payload, context: { ...page, accountId } })) as SettingsResponse<T>;

  const dataOf = <T>(response: SettingsResponse<T>): T => {
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  };

  const settingsAs = async (accountId: string = DEMO_USERS.teamMember, page: Page = GLOBAL_PAGE) => dataOf(await call<SettingsDto>(SETTINGS_KEYS.get, accountId, {}, page));
  const save = (accountId: string, config: unknown, baseRevision: number, page: Page = SETTINGS_PAGE) => call<SavedSettingsDto>(SETTINGS_KEYS.save, accountId, { config, baseRevision }, page);
  const importJson = (accountId: string, json: string, baseRevision: number) => call<SavedSettingsDto>(SETTINGS_KEYS.import, accountId, { json, baseRevision });
  /** Writes straight into the store the runtime uses (as plain JSON: the store refuses objects of another realm). */
  const storeSet = (key: string, value: unknown) => platform.runtime.kvs.handle('/api/v1/set', { key, value: JSON.parse(JSON.stringify(value)) as unknown });

  it('answers the defaults at revision 0 to anyone before an admin saves, and only an admin on the settings page may edit', async () => {
    expect(await settingsAs(DEMO_USERS.limited)).toEqual({ config: DEFAULT_CONFIG, revision: 0, source: 'default', problem: null, updatedAt: null, updatedBy: null, migratedFrom: null, canEdit: false });
    expect((await settingsAs(DEMO_USERS.admin, SETTINGS_PAGE)).canEdit).toBe(true);
    expect((await settingsAs(DEMO_USERS.teamMember, SETTINGS_PAGE)).canEdit).toBe(false);
    expect(platform.emulator.stats().byPath['/rest/api/3/mypermissions']).toBe(2);
  });

  it('saves an admin’s settings from the settings page and everyone reads them back', async () => {
    const { revision } = await settingsAs();
    const saved = dataOf(await save(DEMO_USERS.admin, named('Cloud move'), revision));
    expect(saved).toEqual({ revision: revision + 1, updatedAt: expect.any(String), updatedBy: DEMO_USERS.admin, migratedFrom: null });
    expect(await settingsAs(DEMO_USERS.limited)).toEqual({
      config: named('Cloud move'),
      revision: revision + 1,
      source: 'stored',
      problem: null,
      updatedAt: saved.updatedAt,
      updatedBy: DEMO_USERS.admin,
      migratedFrom: null,
      canEdit: false,
    });
  });

  it.each([
    ['a team member', DEMO_USERS.teamMember],
    ['a user with limited access', DEMO_USERS.limited],
  ])('refuses %s who is not a Jira admin, after asking Jira, and changes nothing', async (_who, accountId) => {
    const before = await settingsAs();
    platform.emulator.resetStats();
    expect(await save(accountId, named('Hijacked'), before.revision)).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: 'Only Jira administrators can change Transformation Office settings.' },
    });
    expect(await importJson(accountId, JSON.stringify(named('Hijacked')), before.revision)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    expect(platform.emulator.stats().byPath['/rest/api/3/mypermissions']).toBe(2);
    expect(await settingsAs()).toEqual(before);
  });

  it('refuses a save from any page but the settings page, even by an admin, and a caller Forge did not identify', async () => {
    const before = await settingsAs();
    expect(await save(DEMO_USERS.admin, named('From the global page'), before.revision, GLOBAL_PAGE)).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: 'settings/save is not available from the module transformation-office-global.' },
    });
    expect(await call(SETTINGS_KEYS.save, undefined, { config: named('Anonymous'), baseRevision: before.revision })).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    expect(await settingsAs()).toEqual(before);
  });

  it('refuses the second of two saves based on the same revision and keeps the first', async () => {
    const { revision } = await settingsAs();
    dataOf(await save(DEMO_USERS.admin, named('First admin'), revision));
    expect(await save(DEMO_USERS.admin, named('Second admin'), revision)).toEqual({
      success: false,
      error: {
        code: 'CONFLICT',
        message: `The settings were changed by someone else since you opened them (revision ${revision} → ${revision + 1}). Reload to see their changes.`,
        revisions: { base: revision, current: revision + 1 },
      },
    });
    expect(await settingsAs()).toMatchObject({ revision: revision + 1, config: { name: 'First admin' } });
  });

  it('lets exactly one of two simultaneous saves through', async () => {
    const { revision } = await settingsAs();
    const [a, b] = await Promise.all([save(DEMO_USERS.admin, named('Simultaneous A'), revision), save(DEMO_USERS.admin, named('Simultaneous B'), revision)]);
    const outcomes = [a, b].map((r) => (r.success ? 'saved' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'saved']);
    const winner = a.success ? 'Simultaneous A' : 'Simultaneous B';
    expect(await settingsAs()).toMatchObject({ revision: revision + 1, config: { name: winner } });
  });

  it('refuses an invalid configuration with every problem named, and a malformed payload', async () => {
    const before = await settingsAs();
    const bad = { ...named('Bad'), fieldMapping: { ...DEFAULT_CONFIG.fieldMapping, epicLink: 'Epic Link' }, conversion: { ...DEFAULT_CONFIG.conversion, targetStage: 'Done' } };
    const response = await save(DEMO_USERS.admin, bad, before.revision);
    expect(response).toEqual({
      success: false,
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The settings are invalid: fieldMapping: Unknown field concept "epicLink"; .* \(and 1 more problem\)$/),
        problems: [
          { path: 'fieldMapping', message: expect.stringContaining('Unknown field concept "epicLink"') },
          { path: 'conversion.targetStage', message: 'The target stage "Done" is not one of the stages (Not started, Preparing, Piloting, Converted, Sustaining)' },
        ],
      },
    });
    expect(await call(SETTINGS_KEYS.save, DEMO_USERS.admin, { config: named('x'), baseRevision: before.revision, force: true })).toEqual({
      success: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('force') },
    });
    expect(await call(SETTINGS_KEYS.save, DEMO_USERS.admin, { config: named('x'), baseRevision: -1 })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('baseRevision') } });
    expect(await settingsAs()).toEqual(before);
  });

  it('refuses a __proto__ key in a saved configuration as the import does, at the top and inside', async () => {
    const before = await settingsAs();
    // Parsed from JSON, as the page's bridge delivers it: "__proto__" is then an own key, not the prototype.
    const withProto = (json: string) => JSON.parse(json) as unknown;
    const config = JSON.stringify(named('Polluted'));
    const top = withProto(`{"__proto__": {"name": "Inherited"}, ${config.slice(1)}`);
    const nested = withProto(config.replace('"boxTypes":[{', '"boxTypes":[{"__proto__": {"toolset": []}, '));
    expect(Object.keys((nested as { boxTypes: object[] }).boxTypes[0] ?? {})).toContain('__proto__');
    for (const polluted of [top, nested]) {
      const response = await save(DEMO_USERS.admin, polluted, before.revision);
      expect(response).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('__proto__') } });
      const imported = await importJson(DEMO_USERS.admin, JSON.stringify(polluted), before.revision);
      expect(imported).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('__proto__') } });
    }
    expect(await settingsAs()).toEqual(before);
  });

  it('refuses a field mapping to a field the site does not have, or of the wrong type, naming the concept', async () => {
    const before = await settingsAs();
    const bad = { ...named('Unknown field'), fieldMapping: { ...DEFAULT_CONFIG.fieldMapping, storyPoints: 'Story pointz', startDate: 'Story point estimate' } };
    const response = await save(DEMO_USERS.admin, bad, before.revision);
    expect(response).toMatchObject({
      success: false,
      error: {
        code: 'BAD_REQUEST',
        problems: [
          { path: 'fieldMapping.startDate', message: expect.stringContaining('which startDate cannot use') },
          { path: 'fieldMapping.storyPoints', message: expect.stringContaining('No field named "Story pointz"') },
        ],
      },
    });
    expect(await settingsAs()).toEqual(before);
  });

  it('refuses an import of bad JSON or of a configuration with a cycle, and stores nothing', async () => {
    const before = await settingsAs();
    expect(await importJson(DEMO_USERS.admin, '{ "name": "Half', before.revision)).toEqual({
      success: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^The import was refused: The text is not valid JSON \(.+\)$/), problems: [{ path: '', message: expect.stringContaining('not valid JSON') }] },
    });
    const cyclic = named('Cyclic');
    cyclic.boxTypes[1] = { ...cyclic.boxTypes[1]!, parentTypeId: 'team' };
    expect(await importJson(DEMO_USERS.admin, JSON.stringify(cyclic), before.revision)).toEqual({
      success: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'The import was refused: boxTypes[1].parentTypeId: Box types form a cycle: workstream → team → initiative → workstream',
        problems: [{ path: 'boxTypes[1].parentTypeId', message: 'Box types form a cycle: workstream → team → initiative → workstream' }],
      },
    });
    expect(await importJson(DEMO_USERS.admin, JSON.stringify({ ...named('Future'), schemaVersion: 9 }), before.revision)).toMatchObject({
      success: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('newer version of the app (schema 9)') },
    });
    expect(await settingsAs()).toEqual(before);
  });

  it('round-trips export → import, upgrades an older export, and applies the same revision rule', async () => {
    const { revision } = await settingsAs();
    dataOf(await save(DEMO_USERS.admin, named('To export'), revision));
    const exported = dataOf(await call<ExportedSettingsDto>(SETTINGS_KEYS.export, DEMO_USERS.teamMember, {}, GLOBAL_PAGE));
    expect(exported).toEqual({ fileName: `transformation-office-settings-r${revision + 1}.json`, json: `${JSON.stringify(named('To export'), null, 2)}\n`, revision: revision + 1 });

    dataOf(await save(DEMO_USERS.admin, named('Changed meanwhile'), revision + 1));
    expect(await importJson(DEMO_USERS.admin, exported.json, revision + 1)).toMatchObject({ success: false, error: { code: 'CONFLICT', revisions: { base: revision + 1, current: revision + 2 } } });
    expect(dataOf(await importJson(DEMO_USERS.admin, exported.json, revision + 2))).toMatchObject({ revision: revision + 3, migratedFrom: null });
    expect(await settingsAs()).toMatchObject({ revision: revision + 3, config: named('To export'), source: 'stored' });

    const { riskScale: _r, fieldMapping, ...rest } = named('Old export');
    const v0 = { ...rest, schemaVersion: 0, fieldMapping: Object.fromEntries(Object.entries(fieldMapping).map(([c, name]) => [c, { name }])) };
    expect(dataOf(await importJson(DEMO_USERS.admin, JSON.stringify(v0), revision + 3))).toMatchObject({ revision: revision + 4, migratedFrom: 0 });
    expect((await settingsAs()).config).toEqual(named('Old export'));
  });

  it('never uses a corrupted stored record: everyone gets the defaults and the problem, and an admin can save over it', async () => {
    const { revision } = await settingsAs();
    const corrupt = { schemaVersion: 1, revision, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: DEMO_USERS.admin, config: { ...named('Corrupt'), boxTypes: 'all of them' } };
    expect((await storeSet(SETTINGS_KEY, corrupt)).status).toBe(204);
    const read = await settingsAs(DEMO_USERS.limited);
    expect(read).toMatchObject({ config: DEFAULT_CONFIG, revision, source: 'default', updatedAt: null, updatedBy: null });
    expect(read.problem).toBe(`The stored settings (revision ${revision}) cannot be used, so the default settings apply until an administrator saves valid ones: config.boxTypes: Invalid input: expected array, received string`);

    dataOf(await save(DEMO_USERS.admin, named('Repaired'), revision));
    expect(await settingsAs()).toMatchObject({ revision: revision + 1, source: 'stored', problem: null, config: { name: 'Repaired' } });
  });

  it('lists the site’s fields with, per concept, the type-compatible ones and what the settings map it to', async () => {
    // A save refuses such a mapping; it can still be stored if the site's fields change after the save.
    const { revision } = await settingsAs();
    const config = { ...named('Fields'), fieldMapping: { ...DEFAULT_CONFIG.fieldMapping, sponsor: 'Due date', mitigation: 'No such field' } };
    expect((await storeSet(SETTINGS_KEY, { schemaVersion: 1, revision, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: DEMO_USERS.admin, config })).status).toBe(204);
    const answer = dataOf(await call<SettingsFieldsDto>(SETTINGS_KEYS.fields, DEMO_USERS.admin));
    expect(answer.fields).toContainEqual({ id: 'customfield_10016', name: 'Story point estimate', custom: true, schemaType: 'number', kind: 'number' });
    expect(answer.fields).toContainEqual({ id: 'duedate', name: 'Due date', custom: false, schemaType: 'date', kind: 'date' });
    const concept = (name: string) => answer.concepts.find((c) => c.concept === name);
    expect(answer.concepts.map((c) => c.concept)).toEqual(Object.keys(DEFAULT_CONFIG.fieldMapping));
    expect(concept('storyPoints')).toMatchObject({ accepts: ['number'], mappedName: 'Story point estimate', mappedFieldId: 'customfield_10016', problem: null });
    expect(concept('storyPoints')?.compatibleFieldIds).toEqual(expect.arrayContaining(['customfield_10016', 'timeoriginalestimate', 'customfield_10046']));
    expect(concept('startDate')?.compatibleFieldIds).toEqual(expect.arrayContaining(['customfield_10015', 'duedate', 'created']));
    expect(concept('startDate')?.compatibleFieldIds).not.toContain('customfield_10016');
    expect(concept('sponsor')).toMatchObject({ mappedFieldId: null, problem: expect.stringContaining('has type date, which sponsor cannot use') });
    expect(concept('mitigation')).toMatchObject({ mappedFieldId: null, problem: 'No field named "No such field" exists on this site, so mitigation is not read' });
  });

  it('counts the issues with a value in a field, as the caller sees them, with JQL built from Jira’s own field data', async () => {
    const withStart = site.issues.filter((i) => i.customFields.customfield_10015 != null);
    const start = dataOf(await call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'startDate', fieldId: 'customfield_10015' }));
    expect(start).toEqual({ concept: 'startDate', fieldId: 'customfield_10015', fieldName: 'Start date', compatible: true, count: withStart.length, jql: 'cf[10015] IS NOT EMPTY', problem: null });
    expect(start.count).toBeGreaterThan(0);

    const visible = withStart.filter(issueVisibleTo(site, DEMO_USERS.limited));
    expect(dataOf(await call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, DEMO_USERS.limited, { concept: 'startDate', fieldId: 'customfield_10015' })).count).toBe(visible.length);

    const due = dataOf(await call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'dueDate', fieldId: 'duedate' }));
    expect(due).toMatchObject({ jql: '"duedate" IS NOT EMPTY', count: site.issues.filter((i) => i.duedate !== null).length, problem: null });

    expect(dataOf(await call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'storyPoints', fieldId: 'customfield_10015' }))).toEqual({
      concept: 'storyPoints',
      fieldId: 'customfield_10015',
      fieldName: 'Start date',
      compatible: false,
      count: null,
      jql: null,
      problem: 'The field "Start date" has type date, which storyPoints cannot use (it needs number)',
    });
    // The emulator's JQL knows no original estimate clause: Jira's refusal becomes the preview's problem, not an error.
    expect(dataOf(await call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'originalEstimate', fieldId: 'timeoriginalestimate' }))).toMatchObject({
      compatible: true,
      count: null,
      jql: '"timeoriginalestimate" IS NOT EMPTY',
      problem: expect.stringMatching(/^Jira could not count the issues with a value in "Original estimate": .*timeoriginalestimate/),
    });
    expect(platform.emulator.stats().byPath['/rest/api/3/search/approximate-count']).toBe(4);
  });

  it('refuses a preview of an unknown field or concept, and a field id that is not an id', async () => {
    expect(await call(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'startDate', fieldId: 'customfield_99999' })).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'There is no field with id "customfield_99999" on this site (or you cannot see it).' },
    });
    expect(await call(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'epicLink', fieldId: 'duedate' })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('concept') } });
    expect(await call(SETTINGS_KEYS.fieldPreview, DEMO_USERS.admin, { concept: 'dueDate', fieldId: 'duedate" OR project IS NOT EMPTY' })).toMatchObject({
      success: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('fieldId') },
    });
    expect(platform.emulator.stats().byPath['/rest/api/3/search/approximate-count'] ?? 0).toBe(0);
  });
});
