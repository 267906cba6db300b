import Resolver from '@forge/resolver';
import { PANEL_KEYS } from '../contract';
import { getPageSummary, getRiskMatrix, getRoadmap, getTeamsConverted, searchBacklog } from './panels';
import { deleteView, listViews, saveView } from './savedViews';
import { SETTINGS_KEYS } from '../contract';
import { exportSettingsResolver, fieldPreviewResolver, getSettingsResolver, importSettingsResolver, saveSettingsResolver, settingsFieldsResolver } from './settings';

const resolver = new Resolver();
resolver.define(PANEL_KEYS.summary, getPageSummary);
resolver.define(PANEL_KEYS.roadmap, getRoadmap);
resolver.define(PANEL_KEYS.risks, getRiskMatrix);
resolver.define(PANEL_KEYS.teams, getTeamsConverted);
resolver.define(PANEL_KEYS.backlog, searchBacklog);
resolver.define(PANEL_KEYS.savedViews, listViews);
resolver.define(PANEL_KEYS.saveView, saveView);
resolver.define(PANEL_KEYS.deleteView, deleteView);
resolver.define(SETTINGS_KEYS.get, getSettingsResolver);
resolver.define(SETTINGS_KEYS.save, saveSettingsResolver);
resolver.define(SETTINGS_KEYS.export, exportSettingsResolver);
resolver.define(SETTINGS_KEYS.import, importSettingsResolver);
resolver.define(SETTINGS_KEYS.fields, settingsFieldsResolver);
resolver.define(SETTINGS_KEYS.fieldPreview, fieldPreviewResolver);

export const handler = resolver.getDefinitions();
