/**
 * What the admin settings page sends and receives. Plain JSON, shared with the Custom UI.
 * The configuration's shape mirrors the domain's TransformationConfig (checked at compile time in
 * src/storage/configSchema.ts), because the contract may import nothing outside itself.
 */
import type { ProgressMethodDto } from './common';
import type { PanelKey, RiskBandScaleDto } from './panels';
import type { ResolverErrorCode } from './resolverResponse';
import { MODULE_KEYS } from './modules';

export const SETTINGS_KEYS = {
  /** Anyone: the settings in force, their revision and where they came from. */
  get: 'settings/get',
  /** Jira admins on the settings page: saves a whole configuration based on a revision. */
  save: 'settings/save',
  /** Anyone: the settings in force as JSON text. */
  export: 'settings/export',
  /** Jira admins on the settings page: JSON text (from export) replaces the settings, based on a revision. */
  import: 'settings/import',
  /** The site's fields and, per concept, which of them it can use. */
  fields: 'settings/fields',
  /** How many issues have a value in a field, for one concept. */
  fieldPreview: 'settings/fieldPreview',
} as const;

/** The only page module whose calls may change settings (manifest.yml, jira:adminPage). */
export const SETTINGS_MODULE_KEY = MODULE_KEYS.settingsPage;

/** The model's concepts that are read from Jira fields, in the order the settings page lists them. */
export const FIELD_CONCEPTS = [
  'startDate',
  'dueDate',
  'storyPoints',
  'originalEstimate',
  'conversionStage',
  'riskLikelihood',
  'riskImpact',
  'residualLikelihood',
  'residualImpact',
  'mitigation',
  'targetValue',
  'realisedValue',
  'stageGate',
  'sponsor',
  'manualProgress',
  'flagged',
] as const;
export type FieldConceptDto = (typeof FIELD_CONCEPTS)[number];

export type BoxSourceDto =
  | { kind: 'root' }
  | { kind: 'issueType'; issueType: string; projectKeys?: string[] }
  | { kind: 'parentLink'; issueTypes?: string[] }
  | { kind: 'jql'; jql: string }
  | { kind: 'project'; projectKeys?: string[] };

export interface BoxTypeDto {
  id: string;
  name: string;
  /** null only for the root box type. */
  parentTypeId: string | null;
  source: BoxSourceDto;
  progressMethod: ProgressMethodDto;
  toolset: PanelKey[];
}

/** Each concept mapped to a Jira field by the field's display name; '' = not read. */
export type FieldMappingDto = Record<FieldConceptDto, string>;

export interface ConversionConfigDto {
  teamBoxTypeId: string;
  stages: string[];
  targetStage: string;
  /** The share of teams the transformation aims to convert, 0..1 (default 0.8). */
  targetRatio?: number;
}

export interface RiskScaleDto {
  likelihoodLabels: [string, string, string, string, string];
  impactLabels: [string, string, string, string, string];
  bands: RiskBandScaleDto[];
}

export interface TransformationConfigDto {
  schemaVersion: number;
  name: string;
  boxTypes: BoxTypeDto[];
  fieldMapping: FieldMappingDto;
  conversion: ConversionConfigDto;
  riskIssueTypes: string[];
  milestoneIssueTypes: string[];
  riskScale: RiskScaleDto;
  /** What the reports read; absent = defaults. */
  reports?: ReportsConfigDto;
}

export interface ReportsConfigDto {
  needsDecisionStatuses: string[];
  blockedStatuses: string[];
  waitingStatuses: string[];
  flowKinds: { feature: string[]; defect: string[]; risk: string[]; debt: string[] };
  stageGates: string[];
  stuckGateDays: number;
  forecastTrials: number;
  forecastSampleWeeks: number;
}

// ---------- settings/get ----------

export interface SettingsDto {
  config: TransformationConfigDto;
  /** The revision to send back as `baseRevision` when saving; 0 = nothing saved yet. */
  revision: number;
  /** 'default' when nothing valid is stored: then `problem` says why, if something invalid was found. */
  source: 'stored' | 'default';
  /** A stored record that could not be used, and why; null when all is well. */
  problem: string | null;
  updatedAt: string | null;
  /** accountId of whoever saved the revision. */
  updatedBy: string | null;
  /** The schema version the stored settings were written in, when older than this app's (upgraded on the next save). */
  migratedFrom: number | null;
  /** Whether the caller may save: a Jira administrator, on the settings page. */
  canEdit: boolean;
}

// ---------- settings/save and settings/import ----------

export interface SaveSettingsPayload {
  config: TransformationConfigDto;
  /** The `revision` the edited settings were read at. */
  baseRevision: number;
}

export interface ImportSettingsPayload {
  /** JSON text as settings/export produced it (older schema versions are upgraded). */
  json: string;
  baseRevision: number;
}

export interface SavedSettingsDto {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** For an import of an older export: the schema version it was upgraded from. */
  migratedFrom: number | null;
}

// ---------- settings/export ----------

export interface ExportedSettingsDto {
  /** A suggested file name, e.g. transformation-office-settings-r5.json */
  fileName: string;
  /** The whole configuration as indented JSON. */
  json: string;
  revision: number;
}

// ---------- settings/fields and settings/fieldPreview ----------

export type FieldKindDto = 'date' | 'number' | 'option' | 'user' | 'text' | 'options';

export interface SettingsFieldDto {
  id: string;
  name: string;
  custom: boolean;
  /** Jira's schema type, e.g. "date", "option", "array"; null when Jira gives none. */
  schemaType: string | null;
  /** What the app can read the field as; null = no concept can use it. */
  kind: FieldKindDto | null;
}

export interface ConceptFieldsDto {
  concept: FieldConceptDto;
  /** Field kinds the concept can read. */
  accepts: FieldKindDto[];
  /** Ids of the site's fields of an acceptable kind. */
  compatibleFieldIds: string[];
  /** The field name the settings in force map the concept to ('' = not read). */
  mappedName: string;
  /** The field that name resolves to on this site, or null. */
  mappedFieldId: string | null;
  /** Why the mapped name does not resolve, when it does not. */
  problem: string | null;
}

export interface SettingsFieldsDto {
  fields: SettingsFieldDto[];
  concepts: ConceptFieldsDto[];
}

export interface FieldPreviewPayload {
  concept: FieldConceptDto;
  fieldId: string;
}

export interface FieldPreviewDto {
  concept: FieldConceptDto;
  fieldId: string;
  fieldName: string;
  /** Whether the concept can read this field's kind at all. */
  compatible: boolean;
  /** Issues (that the caller may browse) with a value in the field; null when it could not be counted. */
  count: number | null;
  /** The JQL that was counted. */
  jql: string | null;
  problem: string | null;
}

// ---------- errors ----------

/** One problem in a configuration: where (e.g. "boxTypes[2].parentTypeId") and what. */
export interface ConfigProblemDto {
  path: string;
  message: string;
}

/** The envelope's codes plus CONFLICT: the settings changed since `baseRevision` (HTTP 409 in spirit). */
export type SettingsErrorCode = ResolverErrorCode | 'CONFLICT';

export interface SettingsError {
  code: SettingsErrorCode;
  message: string;
  /** For an invalid configuration (BAD_REQUEST): every problem found. */
  problems?: ConfigProblemDto[];
  /** For CONFLICT: the revision the save was based on and the one stored now. */
  revisions?: { base: number; current: number };
}

/** The settings resolvers' envelope: ResolverResponse with CONFLICT and problem details added. */
export type SettingsResponse<T> = { success: true; data: T } | { success: false; error: SettingsError };
