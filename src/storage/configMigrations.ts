/**
 * Upgrades configurations written by older versions of the app, one schema version at a time.
 * A migration works on untrusted JSON and only reshapes what changed; the result is validated afterwards
 * by the current schema, so a migration never has to prove the rest of the configuration right.
 */
import { FIELD_CONCEPTS } from '../contract';
import { DEFAULT_CONFIG } from '../domain/defaultConfig';
import { CURRENT_SCHEMA_VERSION } from './configSchema';

type Json = Record<string, unknown>;

interface Migration {
  from: number;
  describe: string;
  migrate(config: Json): Json;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 0 (the first releases) mapped each concept to `{ name: "Field name" }` and had no risk scale:
 * risk levels were always read with the default labels and bands. Concepts it did not know are filled from the defaults.
 */
const v0ToV1: Migration = {
  from: 0,
  describe: 'field mapping entries { name } became field names; the risk scale was added with the default labels and bands',
  migrate(config) {
    const oldMapping = config.fieldMapping;
    let fieldMapping: unknown = oldMapping;
    if (isObject(oldMapping)) {
      const mapping: Json = {};
      for (const [concept, entry] of Object.entries(oldMapping)) mapping[concept] = isObject(entry) && typeof entry.name === 'string' ? entry.name : entry;
      for (const concept of FIELD_CONCEPTS) if (mapping[concept] === undefined) mapping[concept] = DEFAULT_CONFIG.fieldMapping[concept];
      fieldMapping = mapping;
    }
    return {
      ...config,
      schemaVersion: 1,
      fieldMapping,
      riskScale: config.riskScale === undefined ? structuredClone(DEFAULT_CONFIG.riskScale) : config.riskScale,
    };
  },
};

/** In order; each takes `from` to `from + 1`. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

export type MigrationResult =
  | { ok: true; config: unknown; fromVersion: number; applied: string[] }
  | { ok: false; fromVersion: number | null; problem: string };

/** The schema version a configuration says it has; none at all is version 0 (it predates the field). */
export function versionOf(config: unknown): number | null {
  if (!isObject(config)) return null;
  const version = config.schemaVersion;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Brings `config` up to CURRENT_SCHEMA_VERSION. `storedVersion` (the stored record's own schemaVersion) wins
 * over the configuration's field when given. The result still has to be validated.
 */
export function migrateConfig(config: unknown, storedVersion?: number): MigrationResult {
  if (!isObject(config)) return { ok: false, fromVersion: null, problem: 'The settings are not a JSON object' };
  const fromVersion = storedVersion ?? versionOf(config);
  if (fromVersion === null) return { ok: false, fromVersion: null, problem: `schemaVersion ${JSON.stringify(config.schemaVersion)} is not a version number` };
  if (fromVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, fromVersion, problem: `The settings were written by a newer version of the app (schema ${fromVersion}); this version understands schema ${CURRENT_SCHEMA_VERSION} and older` };
  }
  let current: Json = config;
  const applied: string[] = [];
  for (let version = fromVersion; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) return { ok: false, fromVersion, problem: `No upgrade is known from schema ${version}` };
    current = step.migrate(current);
    applied.push(`${version} → ${version + 1}: ${step.describe}`);
  }
  return { ok: true, config: current, fromVersion, applied };
}
