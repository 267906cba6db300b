// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useStore } from '../dev/kvs/harness';

import { kvs, WhereConditions } from '@forge/kvs';

import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import type { TransformationConfig } from '../../src/domain/model';
import { InvalidConfigError } from '../../src/storage/configSchema';
import { KEPT_REVISIONS, loadTransformationConfig, readSettings, revisionKey, SETTINGS_KEY, SettingsConflictError, writeSettings } from '../../src/storage/configStore';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<Response>;
const globals = globalThis as unknown as { __forge_fetch__: ForgeFetch };
const harnessFetch = globals.__forge_fetch__;

const ADMIN = 'admin-account';
const OTHER_ADMIN = 'other-admin-account';
const NOW = new Date('2026-06-01T10:00:00.000Z');

const named = (name: string): TransformationConfig => ({ ...structuredClone(DEFAULT_CONFIG), name });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function storedKeys(): Promise<string[]> {
  const { results } = await kvs.query().where('key', WhereConditions.beginsWith(SETTINGS_KEY)).limit(20).getMany();
  return results.map((r) => r.key).sort();
}

/** The key a /api/v1/set request writes. */
const keyOfSet = (path: string, init?: { body?: unknown }): string | undefined =>
  path === '/api/v1/set' && typeof init?.body === 'string' ? (JSON.parse(init.body) as { key?: string }).key : undefined;

describe('settings in Forge KVS (real @forge/kvs, local store)', () => {
  beforeEach(() => {
    useStore();
    globals.__forge_fetch__ = harnessFetch;
  });
  afterAll(() => {
    globals.__forge_fetch__ = harnessFetch;
  });

  it('answers the defaults at revision 0 while nothing is stored', async () => {
    expect(await readSettings()).toEqual({ config: DEFAULT_CONFIG, revision: 0, source: 'default', updatedAt: null, updatedBy: null, migratedFrom: null });
    expect(await loadTransformationConfig()).toEqual({ config: DEFAULT_CONFIG, revision: 0, source: 'default' });
  });

  it('saves a configuration as the next revision and reads it back', async () => {
    const record = await writeSettings({ config: named('Cloud move'), baseRevision: 0, updatedBy: ADMIN, now: NOW });
    expect(record).toEqual({ schemaVersion: 1, revision: 1, updatedAt: NOW.toISOString(), updatedBy: ADMIN, config: named('Cloud move') });
    expect(await kvs.get(SETTINGS_KEY)).toEqual(record);
    expect(await readSettings()).toEqual({ config: named('Cloud move'), revision: 1, source: 'stored', updatedAt: NOW.toISOString(), updatedBy: ADMIN, migratedFrom: null });

    await writeSettings({ config: named('Cloud move, phase 2'), baseRevision: 1, updatedBy: OTHER_ADMIN, now: NOW });
    expect(await loadTransformationConfig()).toEqual({ config: named('Cloud move, phase 2'), revision: 2, source: 'stored' });
    expect(await storedKeys()).toEqual([SETTINGS_KEY, revisionKey(1), revisionKey(2)]);
  });

  it('refuses a save based on an old revision and keeps what the other admin saved', async () => {
    await writeSettings({ config: named('First'), baseRevision: 0, updatedBy: ADMIN });
    const error = await rejection(writeSettings({ config: named('Second'), baseRevision: 0, updatedBy: OTHER_ADMIN }));
    expect(error).toBeInstanceOf(SettingsConflictError);
    expect((error as Error).message).toBe('The settings were changed by someone else since you opened them (revision 0 → 1). Reload to see their changes.');
    expect((await readSettings()).config.name).toBe('First');
  });

  it('lets exactly one of two saves from the same revision through, even when both passed the revision check', async () => {
    await writeSettings({ config: named('Base'), baseRevision: 0, updatedBy: ADMIN });
    // Hold every write until both saves have asked for their write: both have read revision 1 by then.
    let release: () => void = () => undefined;
    const bothWaiting = new Promise<void>((resolve) => (release = resolve));
    let waiting = 0;
    globals.__forge_fetch__ = async (target, path, init) => {
      if (path === '/api/v1/set') {
        waiting += 1;
        if (waiting === 2) release();
        await bothWaiting;
      }
      return harnessFetch(target, path, init);
    };
    const outcomes = await Promise.allSettled([
      writeSettings({ config: named('From A'), baseRevision: 1, updatedBy: ADMIN }),
      writeSettings({ config: named('From B'), baseRevision: 1, updatedBy: OTHER_ADMIN }),
    ]);
    globals.__forge_fetch__ = harnessFetch;

    const saved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(SettingsConflictError);
    expect((refused[0]?.reason as SettingsConflictError).message).toContain('(revision 1 → 2)');
    const winner = saved[0]?.status === 'fulfilled' ? saved[0].value.config.name : '';
    expect((await readSettings()).config.name).toBe(winner);
    expect((await readSettings()).revision).toBe(2);
  });

  it('validates before writing: an invalid configuration is refused with its problems and nothing is stored', async () => {
    const cyclic = named('Cyclic');
    cyclic.boxTypes[1] = { ...cyclic.boxTypes[1]!, parentTypeId: 'team' };
    const error = await rejection(writeSettings({ config: cyclic, baseRevision: 0, updatedBy: ADMIN }));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).problems).toEqual([{ path: 'boxTypes[1].parentTypeId', message: 'Box types form a cycle: workstream → team → initiative → workstream' }]);
    expect(await storedKeys()).toEqual([]);
  });

  it('never uses a stored record that fails validation: defaults, the problem, and the revision to save over it', async () => {
    await writeSettings({ config: named('Good'), baseRevision: 0, updatedBy: ADMIN });
    const broken = { ...(await kvs.get<Record<string, unknown>>(SETTINGS_KEY)), revision: 1, config: { ...named('Broken'), conversion: { ...DEFAULT_CONFIG.conversion, teamBoxTypeId: 'squad' } } };
    await kvs.set(SETTINGS_KEY, broken);
    await kvs.set(revisionKey(1), broken);

    const read = await readSettings();
    expect(read).toMatchObject({ config: DEFAULT_CONFIG, revision: 1, source: 'default' });
    expect(read.problem).toBe(
      'The stored settings (revision 1) cannot be used, so the default settings apply until an administrator saves valid ones: config.conversion.teamBoxTypeId: The team box type "squad" is not one of the box types (transformation, workstream, initiative, team)',
    );
    expect(await loadTransformationConfig()).toEqual({ config: DEFAULT_CONFIG, revision: 1, source: 'default', problem: read.problem });

    await writeSettings({ config: named('Repaired'), baseRevision: 1, updatedBy: ADMIN });
    expect(await loadTransformationConfig()).toEqual({ config: named('Repaired'), revision: 2, source: 'stored' });
  });

  it('finds the revision of an unreadable record from the revision records kept', async () => {
    await writeSettings({ config: named('One'), baseRevision: 0, updatedBy: ADMIN });
    await writeSettings({ config: named('Two'), baseRevision: 1, updatedBy: ADMIN });
    await kvs.set(SETTINGS_KEY, 'not a record');
    await kvs.delete(revisionKey(2));
    const read = await readSettings();
    expect(read).toMatchObject({ config: DEFAULT_CONFIG, revision: 1, source: 'default' });
    expect(read.problem).toMatch(/^The stored settings \(revision 1\) cannot be used.*: the record is not in the expected shape/);
  });

  it('pages through more revision records than one kvs.query() page (20) holds to find the highest', async () => {
    await writeSettings({ config: named('One'), baseRevision: 0, updatedBy: ADMIN });
    const record = await kvs.get(revisionKey(1));
    for (let n = 2; n <= 45; n++) await kvs.set(revisionKey(n), { ...(record as object), revision: n });
    await kvs.set(SETTINGS_KEY, 'not a record');
    expect(await readSettings()).toMatchObject({ revision: 45, source: 'default' });
  });

  it('reads a v0 record migrated, says so, and writes v1 on the next save', async () => {
    const { riskScale: _r, fieldMapping, ...rest } = structuredClone(DEFAULT_CONFIG);
    const v0 = { ...rest, schemaVersion: 0, fieldMapping: Object.fromEntries(Object.entries(fieldMapping).map(([c, name]) => [c, { name }])) };
    await kvs.set(SETTINGS_KEY, { schemaVersion: 0, revision: 3, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: ADMIN, config: v0 });

    expect(await readSettings()).toEqual({ config: DEFAULT_CONFIG, revision: 3, source: 'stored', updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: ADMIN, migratedFrom: 0 });
    await writeSettings({ config: (await readSettings()).config, baseRevision: 3, updatedBy: ADMIN });
    expect(await kvs.get(SETTINGS_KEY)).toMatchObject({ schemaVersion: 1, revision: 4, config: { schemaVersion: 1, riskScale: DEFAULT_CONFIG.riskScale } });
    expect((await readSettings()).migratedFrom).toBeNull();
  });

  it('keeps a save that committed but could not update the main key, and the next save repairs it', async () => {
    await writeSettings({ config: named('One'), baseRevision: 0, updatedBy: ADMIN });
    globals.__forge_fetch__ = async (target, path, init) => {
      if (keyOfSet(path, init) === SETTINGS_KEY) return new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'boom' }), { status: 500 });
      return harnessFetch(target, path, init);
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const record = await writeSettings({ config: named('Two'), baseRevision: 1, updatedBy: ADMIN });
    warn.mockRestore();
    globals.__forge_fetch__ = harnessFetch;

    expect(record.revision).toBe(2);
    expect(await kvs.get(SETTINGS_KEY)).toMatchObject({ revision: 1 });
    expect(await loadTransformationConfig()).toEqual({ config: named('Two'), revision: 2, source: 'stored' });
    expect(await rejection(writeSettings({ config: named('Stale'), baseRevision: 1, updatedBy: OTHER_ADMIN }))).toBeInstanceOf(SettingsConflictError);
    await writeSettings({ config: named('Three'), baseRevision: 2, updatedBy: ADMIN });
    expect(await kvs.get(SETTINGS_KEY)).toMatchObject({ revision: 3, config: { name: 'Three' } });
  });

  it(`keeps only the last ${KEPT_REVISIONS} revision records`, async () => {
    for (let base = 0; base < KEPT_REVISIONS + 2; base++) await writeSettings({ config: named(`Save ${base + 1}`), baseRevision: base, updatedBy: ADMIN });
    const kept = Array.from({ length: KEPT_REVISIONS }, (_, i) => revisionKey(i + 3));
    expect(await storedKeys()).toEqual([SETTINGS_KEY, ...kept].sort());
    expect(await loadTransformationConfig()).toMatchObject({ revision: KEPT_REVISIONS + 2, config: { name: `Save ${KEPT_REVISIONS + 2}` } });
  });
});
