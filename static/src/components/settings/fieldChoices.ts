/** Which Jira fields a concept may be mapped to, what the current mapping resolves to, and preview texts. No React here. */
import type { FieldConceptDto, FieldPreviewDto, SettingsFieldDto, SettingsFieldsDto } from '../../../../src/contract';
import { issueCountText, KIND_LABELS } from './labels';

export interface FieldOption {
  /** The field id, or '' for "not read". */
  value: string;
  /** The field name: what the mapping stores. */
  name: string;
  label: string;
  /** "number · customfield_10016" */
  detail: string;
}

export const NOT_READ: FieldOption = { value: '', name: '', label: 'Not read', detail: 'the concept is left empty' };

export const typeText = (field: SettingsFieldDto): string => (field.kind ? KIND_LABELS[field.kind] : (field.schemaType ?? 'unknown type'));

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const optionOf = (field: SettingsFieldDto): FieldOption => ({ value: field.id, name: field.name, label: field.name, detail: `${typeText(field)} · ${field.id}` });

/** "Not read" and the site's fields the concept can read, in the server's order (by name). */
export function conceptOptions(data: SettingsFieldsDto, concept: FieldConceptDto): FieldOption[] {
  const compatible = new Set(data.concepts.find((c) => c.concept === concept)?.compatibleFieldIds ?? []);
  return [NOT_READ, ...data.fields.filter((f) => compatible.has(f.id)).map(optionOf)];
}

export type MappingStatus =
  | { state: 'unmapped' }
  | { state: 'ok'; field: SettingsFieldDto }
  /** A field has the name, but the concept cannot read its type. */
  | { state: 'incompatible'; field: SettingsFieldDto; message: string }
  | { state: 'missing'; message: string };

/** What a mapped name resolves to on this site, as the server resolves it: the first compatible field of that name. */
export function mappingStatus(data: SettingsFieldsDto, concept: FieldConceptDto, name: string): MappingStatus {
  if (!name.trim()) return { state: 'unmapped' };
  const compatible = new Set(data.concepts.find((c) => c.concept === concept)?.compatibleFieldIds ?? []);
  const named = data.fields.filter((f) => same(f.name, name));
  const usable = named.find((f) => compatible.has(f.id));
  if (usable) return { state: 'ok', field: usable };
  const first = named[0];
  if (first) return { state: 'incompatible', field: first, message: `“${first.name}” is a ${typeText(first)} field, which this concept cannot read. Choose another field.` };
  return { state: 'missing', message: `No field named “${name}” exists on this site, so this concept is not read.` };
}

/** The option shown as chosen: the resolved field, "Not read", or the stored name flagged as not usable. */
export function chosenOption(options: readonly FieldOption[], status: MappingStatus, name: string): FieldOption {
  if (status.state === 'unmapped') return NOT_READ;
  if (status.state === 'ok') return options.find((o) => o.value === status.field.id) ?? optionOf(status.field);
  const detail = status.state === 'incompatible' ? `${typeText(status.field)} · cannot be read` : 'not found on this site';
  return { value: `name:${name}`, name, label: name, detail };
}

/** "1,204 issues have a value" and what else the server said. */
export function previewText(preview: FieldPreviewDto): string {
  if (!preview.compatible) return preview.problem ?? `“${preview.fieldName}” cannot be read for this concept.`;
  if (preview.count === null) return preview.problem ?? `The issues with a value in “${preview.fieldName}” could not be counted.`;
  return `${issueCountText(preview.count)} ${preview.count === 1 ? 'has' : 'have'} a value in “${preview.fieldName}”.`;
}
