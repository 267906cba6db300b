import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import { PANEL_KEYS, SETTINGS_KEYS, SETTINGS_MODULE_KEY, type SavedSettingsDto, type SavedViewDto, type SettingsDto, type SettingsResponse, type TransformationConfigDto } from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { GLOBAL_PAGE, startTestPlatform } from '../support/platform';

const SETTINGS_PAGE = { moduleKey: SETTINGS_MODULE_KEY, extension: { type: 'jira:adminPage' } };
const SETTINGS_KEY = 'transformation-office:settings';

const named = (name: string): TransformationConfigDto => ({ ...(structuredClone(DEFAULT_CONFIG) as TransformationConfigDto), name });

/**
 * No data lost: a save while Forge's store fails part-way (the local KVS's failNextWrites: the file is half
 * written and not renamed, the request answers 500) leaves the version before it intact and readable.
 */
describe('settings saves are atomic and versioned when the store fails mid-write', () => {
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 60_000);
  afterAll(() => platform.close());
  beforeEach(() => {
    // The failed writes are logged by the resolver (console.error/warn); keep the test output readable.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    platform.runtime.kvs.failNextWrites(0);
  });

  const call = async <T>(key: string, payload: unknown, page: object = SETTINGS_PAGE, accountId: string = DEMO_USERS.admin) =>
    (await platform.runtime.invoke({ functionKey: key, payload, context: { ...(page as typeof SETTINGS_PAGE), accountId } })) as SettingsResponse<T>;
  const dataOf = <T>(response: SettingsResponse<T>): T => {
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  };
  const settings = async (page: object = GLOBAL_PAGE, accountId: string = DEMO_USERS.teamMember) => dataOf(await call<SettingsDto>(SETTINGS_KEYS.get, {}, page, accountId));
  const save = (config: unknown, baseRevision: number) => call<SavedSettingsDto>(SETTINGS_KEYS.save, { config, baseRevision });
  const importJson = (config: unknown, baseRevision: number) => call<SavedSettingsDto>(SETTINGS_KEYS.import, { json: JSON.stringify(config), baseRevision });
  const stored = (key: string) => platform.runtime.kvs.handle('/api/v1/get', { key });
  /** Every key in the store, to show that nothing but the settings and the views is kept. */
  const allKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    let after: string | undefined;
    do {
      // Forge pages kvs.query() at most 20 keys at a time.
      const answer = await platform.runtime.kvs.handle('/api/v1/query', { limit: 20, ...(after ? { after } : {}) });
      const page = answer.body as { data?: { key: string }[]; cursor?: string };
      keys.push(...(page.data ?? []).map((entry) => entry.key));
      after = page.cursor;
    } while (after);
    return keys;
  };
  /** Makes the store fail the write of `key` (only), once, as if the process died while writing it. */
  function failWriteOf(key: string): void {
    const store = platform.runtime.kvs;
    const handle = store.handle.bind(store);
    const spy = jest.spyOn(store, 'handle').mockImplementation((path: string, body: unknown) => {
      if (path.startsWith('/api/v1/set') && (body as { key?: string }).key === key) {
        spy.mockRestore();
        store.failNextWrites(1);
      }
      return handle(path, body);
    });
  }

  it('a save whose commit fails leaves the previous version in force and readable, and the next save works', async () => {
    const first = dataOf(await save(named('Version one'), (await settings()).revision));
    const before = await settings();
    expect(before).toMatchObject({ revision: first.revision, config: { name: 'Version one' }, source: 'stored' });

    platform.runtime.kvs.failNextWrites(1);
    const failed = await save(named('Version two'), before.revision);
    expect(failed.success).toBe(false);
    if (!failed.success) {
      expect(failed.error.code).toBe('INTERNAL');
      expect(failed.error.message).toMatch(/not (be )?saved/i);
      expect(failed.error.message).not.toMatch(/\n\s*at |node_modules|\.ts\b/);
    }
    // Everyone still reads version one, whole; nothing of version two was stored.
    expect(await settings()).toEqual(before);
    expect(await settings(SETTINGS_PAGE, DEMO_USERS.admin)).toEqual({ ...before, canEdit: true });
    expect(await stored(`${SETTINGS_KEY}:revision:${before.revision + 1}`)).toMatchObject({ status: 404 });
    expect(dataOf(await call<{ json: string }>(SETTINGS_KEYS.export, {})).json).toContain('"Version one"');

    // The page is not stuck: the same save, retried on the same revision, goes through.
    const retried = dataOf(await save(named('Version two'), before.revision));
    expect(retried.revision).toBe(before.revision + 1);
    expect(await settings()).toMatchObject({ revision: before.revision + 1, config: { name: 'Version two' }, source: 'stored' });
  });

  it('an import whose commit fails changes nothing either', async () => {
    const before = await settings();
    platform.runtime.kvs.failNextWrites(1);
    expect(await importJson(named('Imported'), before.revision)).toMatchObject({ success: false, error: { code: 'INTERNAL' } });
    expect(await settings()).toEqual(before);
    expect(dataOf(await importJson(named('Imported'), before.revision)).revision).toBe(before.revision + 1);
  });

  it('a save that stops after its commit (the head record not rewritten) is read as committed, and the next save repairs the head', async () => {
    const before = await settings();
    failWriteOf(SETTINGS_KEY);
    const saved = dataOf(await save(named('Committed, head stale'), before.revision));
    expect(saved.revision).toBe(before.revision + 1);
    // The head record still holds the revision before: readers roll forward to the committed one.
    expect((await stored(SETTINGS_KEY)).body).toMatchObject({ value: { revision: before.revision } });
    expect(await settings()).toMatchObject({ revision: saved.revision, config: { name: 'Committed, head stale' }, source: 'stored', problem: null });

    // A save based on the stale head is a conflict, not a lost update.
    expect(await save(named('Stale'), before.revision)).toMatchObject({ success: false, error: { code: 'CONFLICT', revisions: { base: before.revision, current: saved.revision } } });
    const next = dataOf(await save(named('Next'), saved.revision));
    expect((await stored(SETTINGS_KEY)).body).toMatchObject({ value: { revision: next.revision, config: { name: 'Next' } } });
  });

  it('several failing saves in a row never leave a half-written version behind', async () => {
    const before = await settings();
    for (let n = 0; n < 3; n++) {
      platform.runtime.kvs.failNextWrites(1);
      expect((await save(named(`Attempt ${n}`), before.revision)).success).toBe(false);
      expect(await settings()).toEqual(before);
    }
    // The file on disk is the state before the failures (a fresh store reading it sees the same).
    const { LocalKvsStore } = await import('../../dev/runtime/kvs');
    const file = (platform.runtime.kvs as unknown as { file?: string }).file;
    if (typeof file === 'string') {
      const reopened = new LocalKvsStore({ file });
      expect((await reopened.handle('/api/v1/get', { key: SETTINGS_KEY })).body).toMatchObject({ value: { revision: before.revision } });
    }
    expect(dataOf(await save(named('After the failures'), before.revision)).revision).toBe(before.revision + 1);
  });

  it('a saved view whose write fails leaves the user’s views as they were', async () => {
    const view = (id: string): SavedViewDto => ({ id, name: `View ${id}`, columns: ['key', 'summary'], query: { text: id } });
    const views = (key: string, payload: unknown) => call<SavedViewDto[]>(key, payload, GLOBAL_PAGE, DEMO_USERS.teamMember);
    expect(dataOf(await views(PANEL_KEYS.saveView, { view: view('one') }))).toEqual([view('one')]);
    platform.runtime.kvs.failNextWrites(1);
    expect(await views(PANEL_KEYS.saveView, { view: view('two') })).toMatchObject({ success: false, error: { code: 'INTERNAL' } });
    expect(dataOf(await views(PANEL_KEYS.savedViews, {}))).toEqual([view('one')]);
    platform.runtime.kvs.failNextWrites(1);
    expect((await views(PANEL_KEYS.deleteView, { id: 'one' })).success).toBe(false);
    expect(dataOf(await views(PANEL_KEYS.savedViews, {}))).toEqual([view('one')]);
    expect(dataOf(await views(PANEL_KEYS.saveView, { view: view('two') }))).toEqual([view('one'), view('two')]);
  });

  it('the store holds the settings record, its revision records and saved views per user, nothing else', async () => {
    const keys = await allKeys();
    expect(keys.length).toBeGreaterThan(2);
    const unexpected = keys.filter((key) => key !== SETTINGS_KEY && !/^transformation-office:settings:revision:\d+$/.test(key) && !/^saved-views:[\w:-]+$/.test(key));
    expect(unexpected).toEqual([]);
  });
});
