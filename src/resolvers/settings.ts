import { z } from 'zod';
import {
  FIELD_CONCEPTS,
  SETTINGS_MODULE_KEY,
  type ExportedSettingsDto,
  type FieldPreviewDto,
  type SavedSettingsDto,
  type SettingsDto,
  type SettingsFieldsDto,
  type SettingsResponse,
} from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { isJiraAdministrator } from '../jira/permissions';
import { InvalidConfigError } from '../storage/configSchema';
import { readSettings, SettingsConflictError } from '../storage/configStore';
import { exportSettings, getSettings, importSettings, MAX_IMPORT_CHARS, saveSettings, SettingsNotSavedError } from '../usecases/settings';
import { fieldPreview, settingsFields } from '../usecases/settingsFields';
import { callerOf, type Caller } from './context';
import { rebuildSnapshotIfMappingChanged } from './snapshotEvents';
import { parsePayload, respond, ResolverRefusal } from './envelope';

interface Request {
  payload: unknown;
  context: unknown;
}

const emptyPayload = z.object({}).strict();
const baseRevision = z.number().int().min(0).max(1_000_000_000);
/** The configuration as sent, not a copy: a copy by assignment would turn an own "__proto__" key into a prototype, unseen by validation. */
const configObject = z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), 'must be an object');
const savePayload = z.object({ config: configObject, baseRevision }).strict();
const importPayload = z
  .object({ json: z.string().min(1, 'the JSON text is empty').max(MAX_IMPORT_CHARS, `the JSON text is limited to ${MAX_IMPORT_CHARS} characters`), baseRevision })
  .strict();
const previewPayload = z
  .object({ concept: z.enum(FIELD_CONCEPTS), fieldId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a Jira field id') })
  .strict();

/** Like `respond`, plus the settings' own refusals: CONFLICT with both revisions, and every problem of an invalid configuration. */
async function respondSettings<T>(body: () => Promise<T>): Promise<SettingsResponse<T>> {
  try {
    return { success: true, data: await body() };
  } catch (error) {
    if (error instanceof SettingsConflictError) {
      return { success: false, error: { code: 'CONFLICT', message: error.message, revisions: { base: error.baseRevision, current: error.currentRevision } } };
    }
    if (error instanceof InvalidConfigError) return { success: false, error: { code: 'BAD_REQUEST', message: error.message, problems: error.problems } };
    if (error instanceof SettingsNotSavedError) {
      console.error(error.message, error.cause);
      return { success: false, error: { code: 'INTERNAL', message: error.message } };
    }
    return respond<T>(() => Promise.reject(error));
  }
}

/** Settings change only from the admin page, and only for someone Jira itself says is an administrator. */
async function settingsAdmin(context: unknown): Promise<Caller> {
  const caller = callerOf(context);
  if (caller.moduleKey !== SETTINGS_MODULE_KEY) throw new ResolverRefusal('FORBIDDEN', 'Transformation Office settings can only be changed on its settings page in Jira administration.');
  if (!(await isJiraAdministrator(jiraAsUser()))) throw new ResolverRefusal('FORBIDDEN', 'Only Jira administrators can change Transformation Office settings.');
  return caller;
}

/** Whether the caller could save from where they are; a failure to ask Jira means no, not an error. */
async function canEdit(caller: Caller): Promise<boolean> {
  if (caller.moduleKey !== SETTINGS_MODULE_KEY) return false;
  try {
    return await isJiraAdministrator(jiraAsUser());
  } catch (error) {
    console.warn('Could not ask Jira whether the caller is an administrator', error);
    return false;
  }
}

export const getSettingsResolver = (request: Request): Promise<SettingsResponse<SettingsDto>> =>
  respondSettings(async () => {
    const caller = callerOf(request.context);
    parsePayload(emptyPayload, request.payload);
    return getSettings(await canEdit(caller));
  });

export const saveSettingsResolver = (request: Request): Promise<SettingsResponse<SavedSettingsDto>> =>
  respondSettings(async () => {
    const caller = await settingsAdmin(request.context);
    const { config, baseRevision: base } = parsePayload(savePayload, request.payload);
    const saved = await saveSettings(jiraAsUser(), config, base, caller.accountId);
    await rebuildSnapshotIfMappingChanged();
    return saved;
  });

export const exportSettingsResolver = (request: Request): Promise<SettingsResponse<ExportedSettingsDto>> =>
  respondSettings(async () => {
    callerOf(request.context);
    parsePayload(emptyPayload, request.payload);
    return exportSettings();
  });

export const importSettingsResolver = (request: Request): Promise<SettingsResponse<SavedSettingsDto>> =>
  respondSettings(async () => {
    const caller = await settingsAdmin(request.context);
    const { json, baseRevision: base } = parsePayload(importPayload, request.payload);
    const saved = await importSettings(jiraAsUser(), json, base, caller.accountId);
    await rebuildSnapshotIfMappingChanged();
    return saved;
  });

export const settingsFieldsResolver = (request: Request): Promise<SettingsResponse<SettingsFieldsDto>> =>
  respondSettings(async () => {
    callerOf(request.context);
    parsePayload(emptyPayload, request.payload);
    const { config } = await readSettings();
    return settingsFields(jiraAsUser(), config);
  });

export const fieldPreviewResolver = (request: Request): Promise<SettingsResponse<FieldPreviewDto>> =>
  respondSettings(async () => {
    callerOf(request.context);
    const { concept, fieldId } = parsePayload(previewPayload, request.payload);
    const preview = await fieldPreview(jiraAsUser(), concept, fieldId);
    if (!preview) throw new ResolverRefusal('NOT_FOUND', `There is no field with id "${fieldId}" on this site (or you cannot see it).`);
    return preview;
  });
