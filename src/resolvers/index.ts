import Resolver from '@forge/resolver';
import { z } from 'zod';
import { BASELINE_KEYS, EDIT_KEYS, MODULE_KEYS, PANEL_KEYS, REPORT_KEYS, SETTINGS_KEYS } from '../contract';
import { deleteBaselineResolver, listBaselines, saveBaselineResolver } from './baselines';
import { capabilitiesResolver, changeFieldResolver, createIssueResolver, editFieldsResolver, transitionResolver, transitionsResolver, uncreateResolver } from './edits';
import { onlyFrom } from './modules';
import { getOverview, getPageSummary, getRiskMatrix, getRoadmap, getTeamsConverted, searchBacklog } from './panels';
import { getFlowReport, getForecast, getValueTracking, getWeeklyReport } from './reports';
import { deleteView, listViews, saveView } from './savedViews';
import { exportSettingsResolver, fieldPreviewResolver, getSettingsResolver, importSettingsResolver, saveSettingsResolver, settingsFieldsResolver } from './settings';

const PAGES = [MODULE_KEYS.globalPage, MODULE_KEYS.projectPage];
const SETTINGS = [MODULE_KEYS.settingsPage];
/** Reading settings needs no admin and no particular page. */
const ANY = [...PAGES, ...SETTINGS];

/** Every resolver with the surfaces allowed to call it. */
const RESOLVERS = [
  [PANEL_KEYS.summary, PAGES, getPageSummary],
  [PANEL_KEYS.roadmap, PAGES, getRoadmap],
  [PANEL_KEYS.risks, PAGES, getRiskMatrix],
  [PANEL_KEYS.teams, PAGES, getTeamsConverted],
  [PANEL_KEYS.backlog, PAGES, searchBacklog],
  [PANEL_KEYS.overview, PAGES, getOverview],
  [BASELINE_KEYS.list, PAGES, listBaselines],
  [BASELINE_KEYS.save, PAGES, saveBaselineResolver],
  [BASELINE_KEYS.delete, PAGES, deleteBaselineResolver],
  [PANEL_KEYS.savedViews, PAGES, listViews],
  [PANEL_KEYS.saveView, PAGES, saveView],
  [PANEL_KEYS.deleteView, PAGES, deleteView],
  [REPORT_KEYS.weekly, PAGES, getWeeklyReport],
  [REPORT_KEYS.value, PAGES, getValueTracking],
  [REPORT_KEYS.flow, PAGES, getFlowReport],
  [REPORT_KEYS.forecast, PAGES, getForecast],
  [SETTINGS_KEYS.get, ANY, getSettingsResolver],
  [SETTINGS_KEYS.save, SETTINGS, saveSettingsResolver],
  [SETTINGS_KEYS.export, ANY, exportSettingsResolver],
  [SETTINGS_KEYS.import, SETTINGS, importSettingsResolver],
  [SETTINGS_KEYS.fields, SETTINGS, settingsFieldsResolver],
  [SETTINGS_KEYS.fieldPreview, SETTINGS, fieldPreviewResolver],
  [EDIT_KEYS.change, PAGES, changeFieldResolver],
  [EDIT_KEYS.transitions, PAGES, transitionsResolver],
  [EDIT_KEYS.transition, PAGES, transitionResolver],
  [EDIT_KEYS.capabilities, PAGES, capabilitiesResolver],
  [EDIT_KEYS.fields, PAGES, editFieldsResolver],
  [EDIT_KEYS.create, PAGES, createIssueResolver],
  [EDIT_KEYS.uncreate, PAGES, uncreateResolver],
] as const;

const resolver = new Resolver();
for (const [key, modules, fn] of RESOLVERS) resolver.define(key, onlyFrom(modules, key, fn));
const definitions = resolver.getDefinitions();
const OWN_KEYS: ReadonlySet<string> = new Set(RESOLVERS.map(([key]) => key));

const functionKeyOf = (invocation: unknown): unknown => z.looseObject({ call: z.looseObject({ functionKey: z.unknown() }) }).safeParse(invocation).data?.call.functionKey;

/**
 * @forge/resolver finds a definition with `key in functions`, so inherited names (`constructor`, `toString`,
 * `__proto__`) would answer too: only the app's own keys reach it, anything else fails as an unknown key does.
 */
export const handler: typeof definitions = async (invocation, backendRuntimePayload) => {
  const functionKey = functionKeyOf(invocation);
  if (typeof functionKey !== 'string' || !OWN_KEYS.has(functionKey)) throw new Error(`Resolver has no definition for '${String(functionKey)}'.`);
  return definitions(invocation, backendRuntimePayload);
};
