/**
 * The app's settings in Forge KVS, kept safely.
 *
 * - One key, SETTINGS_KEY, holds the settings in force: `{ schemaVersion, revision, updatedAt, updatedBy, config }`.
 * - Every save is based on the revision the admin opened. It commits by CREATING the key of the next revision
 *   (`…:revision:<n>`, holding the same record) with `keyPolicy: 'FAIL_IF_EXISTS'`, which Forge KVS applies
 *   atomically: of two saves based on the same revision exactly one creates it, the other gets 409 and is
 *   refused with a conflict, and nothing of it is written. Only then is SETTINGS_KEY overwritten.
 *   (`kvs.transact()` cannot do this for plain keys: its conditions apply to custom entities only.)
 * - Readers take SETTINGS_KEY and then look for the next revision keys, so a save that stopped between its
 *   commit and the SETTINGS_KEY write is still seen, and the following save repairs SETTINGS_KEY.
 *   The last KEPT_REVISIONS revision records are kept; older ones are deleted.
 * - Records are validated when written and when read (older schema versions are migrated first).
 *   A record that does not validate is never used: readers get the defaults and the problem.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { DEFAULT_CONFIG } from '../domain/defaultConfig';
import type { TransformationConfig } from '../domain/model';
import { migrateConfig, versionOf } from './configMigrations';
import { isKeyConflict } from './kvsErrors';
import { KVS_QUERY_PAGE_SIZE } from './kvsQuery';
import { CURRENT_SCHEMA_VERSION, describeProblems, InvalidConfigError, problemsOf, transformationConfigSchema, validateConfig } from './configSchema';

export const SETTINGS_KEY = 'transformation-office:settings';
const REVISION_PREFIX = `${SETTINGS_KEY}:revision:`;
export const revisionKey = (revision: number): string => `${REVISION_PREFIX}${revision}`;

/** Revision records kept besides SETTINGS_KEY: enough for a save that stalls while several others go through. */
export const KEPT_REVISIONS = 10;
/** A reader never follows more revision records than this past SETTINGS_KEY. */
const MAX_ROLL_FORWARD = 25;
/** Forge KVS's value size limit. */
export const MAX_RECORD_BYTES = 240 * 1024;

export interface SettingsRecord {
  schemaVersion: number;
  revision: number;
  updatedAt: string;
  /** accountId of the admin who saved it. */
  updatedBy: string;
  config: TransformationConfig;
}

/** What is written: the current schema, fully validated. */
const recordSchema = z.strictObject({
  schemaVersion: z.number().int().refine((v): boolean => v === CURRENT_SCHEMA_VERSION, `must be ${CURRENT_SCHEMA_VERSION}`),
  revision: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1).max(128),
  config: transformationConfigSchema,
});

/** What may be found: any schema version's envelope; its config is migrated, then validated. */
const storedEnvelopeSchema = z.looseObject({
  schemaVersion: z.number().int().min(0).optional(),
  revision: z.number().int().min(1),
  updatedAt: z.string().nullish(),
  updatedBy: z.string().nullish(),
  config: z.unknown(),
});

export interface StoredSettings {
  config: TransformationConfig;
  /** The revision to base the next save on; 0 = nothing stored yet. */
  revision: number;
  source: 'stored' | 'default';
  /** Why a stored record was not used. */
  problem?: string;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The schema version the record was stored in, when it had to be migrated. */
  migratedFrom: number | null;
}

/** The save was based on a revision that is no longer the latest. */
export class SettingsConflictError extends Error {
  constructor(
    readonly baseRevision: number,
    readonly currentRevision: number,
  ) {
    super(`The settings were changed by someone else since you opened them (revision ${baseRevision} → ${currentRevision}). Reload to see their changes.`);
    this.name = 'SettingsConflictError';
  }
}

const defaults = (): TransformationConfig => structuredClone(DEFAULT_CONFIG);

function revisionHint(raw: unknown): number | null {
  const parsed = z.looseObject({ revision: z.number().int().min(1) }).safeParse(raw);
  return parsed.success ? parsed.data.revision : null;
}

type Decoded = { ok: true; config: TransformationConfig; revision: number; updatedAt: string | null; updatedBy: string | null; migratedFrom: number | null } | { ok: false; problem: string };

/** Validates a stored record of any schema version, migrating its config to the current one. */
export function decodeRecord(raw: unknown): Decoded {
  const envelope = storedEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problem: `the record is not in the expected shape (${describeProblems(problemsOf(envelope.error))})` };
  const { revision, config, updatedAt, updatedBy } = envelope.data;
  const storedVersion = envelope.data.schemaVersion ?? versionOf(config) ?? undefined;
  const migrated = migrateConfig(config, storedVersion);
  if (!migrated.ok) return { ok: false, problem: migrated.problem };
  const validated = validateConfig(migrated.config);
  if (!validated.ok) return { ok: false, problem: describeProblems(validated.problems.map((p) => ({ ...p, path: p.path ? `config.${p.path}` : 'config' }))) };
  return { ok: true, config: validated.config, revision, updatedAt: updatedAt ?? null, updatedBy: updatedBy ?? null, migratedFrom: migrated.applied.length > 0 ? migrated.fromVersion : null };
}

/** The highest revision record kept; only needed when SETTINGS_KEY itself is unreadable. */
async function highestKeptRevision(): Promise<number> {
  let highest = 0;
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    let query = kvs.query().where('key', WhereConditions.beginsWith(REVISION_PREFIX)).limit(KVS_QUERY_PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const { results, nextCursor } = await query.getMany<unknown>();
    for (const { key } of results) {
      const n = Number(key.slice(REVISION_PREFIX.length));
      if (Number.isInteger(n) && n > highest) highest = n;
    }
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return highest;
}

/** The settings in force, with their revision; defaults (and the problem) when what is stored cannot be used. */
export async function readSettings(): Promise<StoredSettings> {
  const head = await kvs.get<unknown>(SETTINGS_KEY);
  let raw: unknown = head;
  let revision = 0;
  if (head !== undefined) revision = revisionHint(head) ?? (await highestKeptRevision());
  for (let step = 0; step < MAX_ROLL_FORWARD; step++) {
    const next = await kvs.get<unknown>(revisionKey(revision + 1));
    if (next === undefined) break;
    raw = next;
    revision += 1;
  }
  if (raw === undefined) return { config: defaults(), revision: 0, source: 'default', updatedAt: null, updatedBy: null, migratedFrom: null };

  const decoded = decodeRecord(raw);
  const problem = !decoded.ok ? decoded.problem : decoded.revision !== revision ? `the record stored as revision ${revision} says it is revision ${decoded.revision}` : null;
  if (problem !== null || !decoded.ok) {
    return {
      config: defaults(),
      revision,
      source: 'default',
      problem: `The stored settings (revision ${revision}) cannot be used, so the default settings apply until an administrator saves valid ones: ${problem ?? 'invalid record'}`,
      updatedAt: null,
      updatedBy: null,
      migratedFrom: null,
    };
  }
  return { config: decoded.config, revision, source: 'stored', updatedAt: decoded.updatedAt, updatedBy: decoded.updatedBy, migratedFrom: decoded.migratedFrom };
}

/** What the page resolvers use: the configuration in force, and whether it is the stored one. */
export async function loadTransformationConfig(): Promise<{ config: TransformationConfig; revision: number; source: 'stored' | 'default'; problem?: string }> {
  const { config, revision, source, problem } = await readSettings();
  return problem === undefined ? { config, revision, source } : { config, revision, source, problem };
}

export interface SettingsWrite {
  /** Untrusted: validated here. Must be of the current schema version (migrate imports first). */
  config: unknown;
  /** The revision the change was based on (0 when nothing was stored). */
  baseRevision: number;
  updatedBy: string;
  now?: Date;
}

/**
 * Saves a whole configuration as revision baseRevision + 1, unless someone saved since baseRevision.
 * @throws InvalidConfigError naming every problem; SettingsConflictError when the revision moved on.
 */
export async function writeSettings(input: SettingsWrite): Promise<SettingsRecord> {
  const validated = validateConfig(input.config);
  if (!validated.ok) throw new InvalidConfigError(validated.problems);
  const revision = input.baseRevision + 1;
  const record: SettingsRecord = recordSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    revision,
    updatedAt: (input.now ?? new Date()).toISOString(),
    updatedBy: input.updatedBy,
    config: validated.config,
  });
  const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (bytes > MAX_RECORD_BYTES) throw new InvalidConfigError([{ path: '', message: `The settings are too large to store (${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_RECORD_BYTES / 1024} KiB)` }]);

  const current = await readSettings();
  if (current.revision !== input.baseRevision) throw new SettingsConflictError(input.baseRevision, current.revision);
  try {
    // The commit: only one save can create the record of this revision.
    await kvs.set(revisionKey(revision), record, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (!isKeyConflict(error)) throw error;
    const latest = await readSettings().catch(() => null);
    throw new SettingsConflictError(input.baseRevision, Math.max(latest?.revision ?? revision, revision));
  }
  try {
    await kvs.set(SETTINGS_KEY, record);
  } catch (error) {
    // Committed all the same: readers follow the revision records, and the next save rewrites SETTINGS_KEY.
    console.warn(`Settings revision ${revision} is saved, but ${SETTINGS_KEY} could not be updated yet`, error);
  }
  if (revision > KEPT_REVISIONS) {
    await kvs.delete(revisionKey(revision - KEPT_REVISIONS)).catch((error: unknown) => console.warn('An old settings revision could not be deleted', error));
  }
  return record;
}
