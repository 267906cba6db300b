import type { ExportedSettingsDto, SavedSettingsDto, SettingsDto } from '../contract';
import { migrateConfig } from '../storage/configMigrations';
import { InvalidConfigError, validateConfig } from '../storage/configSchema';
import { readSettings, SettingsConflictError, writeSettings, type SettingsRecord } from '../storage/configStore';
import { listFields, resolveFieldMapping } from '../jira/fields';
import type { JiraApi } from '../jira/jiraHttp';
import type { FieldConcept } from '../domain';

/**
 * Refuses a configuration that maps a concept to a field this site does not have, or to one of a type
 * the concept cannot use. Asked as the admin who saves, so the check sees the fields they see.
 */
async function checkMappedFieldsExist(jira: JiraApi, config: unknown, refused: string): Promise<void> {
  const validated = validateConfig(config);
  if (!validated.ok) return; // the store refuses it with every problem named
  const { ids, warnings } = resolveFieldMapping(await listFields(jira), validated.config.fieldMapping);
  const problems = (Object.entries(validated.config.fieldMapping) as [FieldConcept, string][])
    .filter(([concept, name]) => name.trim() !== '' && ids[concept] === undefined)
    .map(([concept]) => ({ path: `fieldMapping.${concept}`, message: warnings.find((w) => w.field === concept)?.message ?? `The field mapped to ${concept} cannot be used` }));
  if (problems.length > 0) throw new InvalidConfigError(problems, refused);
}

/** The store failed while a save was written (a refused or conflicting save is not this). */
export class SettingsNotSavedError extends Error {
  constructor(cause: unknown) {
    super("The settings could not be saved: the app's storage failed while writing them. Reload to see the settings in force, then save again.", { cause });
    this.name = 'SettingsNotSavedError';
  }
}

/** Writes a record, telling a storage failure apart from the refusals the admin can act on. */
async function write(input: Parameters<typeof writeSettings>[0]): Promise<SettingsRecord> {
  try {
    return await writeSettings(input);
  } catch (error) {
    if (error instanceof InvalidConfigError || error instanceof SettingsConflictError) throw error;
    throw new SettingsNotSavedError(error);
  }
}

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
export async function saveSettings(jira: JiraApi, config: unknown, baseRevision: number, accountId: string, now?: Date): Promise<SavedSettingsDto> {
  await checkMappedFieldsExist(jira, config, 'The settings were not saved');
  const record = await write({ config, baseRevision, updatedBy: accountId, ...(now ? { now } : {}) });
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
export async function importSettings(jira: JiraApi, json: string, baseRevision: number, accountId: string, now?: Date): Promise<SavedSettingsDto> {
  const { config, migratedFrom } = parseSettingsJson(json);
  await checkMappedFieldsExist(jira, config, 'The import was refused');
  const record = await write({ config, baseRevision, updatedBy: accountId, ...(now ? { now } : {}) });
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
