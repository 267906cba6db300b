import type { ExportedSettingsDto, SavedSettingsDto, SettingsDto } from '../contract';
import { migrateConfig } from '../storage/configMigrations';
import { InvalidConfigError, validateConfig } from '../storage/configSchema';
import { readSettings, writeSettings, type SettingsRecord } from '../storage/configStore';

/** An import is one configuration: far below KVS's 240 KiB value limit. */
export const MAX_IMPORT_CHARS = 200_000;

export async function getSettings(canEdit: boolean): Promise<SettingsDto> {
  const stored = await readSettings();
  return {
    config: stored.config,
    revision: stored.revision,
    source: stored.source,
    problem: stored.problem ?? null,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    migratedFrom: stored.migratedFrom,
    canEdit,
  };
}

const savedDto = (record: SettingsRecord, migratedFrom: number | null): SavedSettingsDto => ({
  revision: record.revision,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
  migratedFrom,
});

/** Saves a whole configuration of the current schema, based on `baseRevision`. */
export async function saveSettings(config: unknown, baseRevision: number, accountId: string, now?: Date): Promise<SavedSettingsDto> {
  const record = await writeSettings({ config, baseRevision, updatedBy: accountId, ...(now ? { now } : {}) });
  return savedDto(record, null);
}

/**
 * Reads JSON text as a configuration: parsed, upgraded from an older schema version, validated.
 * @throws InvalidConfigError naming the problem (bad JSON, unknown version, each invalid setting).
 */
export function parseSettingsJson(json: string): { config: unknown; migratedFrom: number | null } {
  const refused = 'The import was refused';
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InvalidConfigError([{ path: '', message: `The text is not valid JSON (${error instanceof Error ? error.message : String(error)})` }], refused);
  }
  const migrated = migrateConfig(parsed);
  if (!migrated.ok) throw new InvalidConfigError([{ path: 'schemaVersion', message: migrated.problem }], refused);
  const validated = validateConfig(migrated.config);
  if (!validated.ok) throw new InvalidConfigError(validated.problems, refused);
  return { config: validated.config, migratedFrom: migrated.applied.length > 0 ? migrated.fromVersion : null };
}

/** Replaces the settings with exported JSON text; nothing is written unless all of it is valid. */
export async function importSettings(json: string, baseRevision: number, accountId: string, now?: Date): Promise<SavedSettingsDto> {
  const { config, migratedFrom } = parseSettingsJson(json);
  const record = await writeSettings({ config, baseRevision, updatedBy: accountId, ...(now ? { now } : {}) });
  return savedDto(record, migratedFrom);
}

/** The settings in force as indented JSON, ready to download and to import elsewhere. */
export async function exportSettings(): Promise<ExportedSettingsDto> {
  const stored = await readSettings();
  return {
    fileName: `transformation-office-settings-r${stored.revision}.json`,
    json: `${JSON.stringify(stored.config, null, 2)}\n`,
    revision: stored.revision,
  };
}
