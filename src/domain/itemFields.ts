import type { FieldConcept, RawFieldValue, WorkItem } from './model';
import { parseIsoDate } from './parseIsoDate';
import { parseNumber } from './parseNumber';

/** A mapped date of an issue as 'yyyy-mm-dd'; null when missing or invalid (the model warned at build time). */
export function itemDate(item: WorkItem, concept: 'startDate' | 'dueDate'): string | null {
  return parseIsoDate(item.fields?.[concept]);
}

/** A mapped number of an issue; null when missing or not a number. */
export function itemNumber(item: WorkItem, concept: FieldConcept): number | null {
  return parseNumber(item.fields?.[concept]);
}

/** A size (points, seconds) as progress counts it: a number from 0 up, anything else 0. */
export function itemSize(item: WorkItem, concept: 'storyPoints' | 'originalEstimate'): number {
  const size = itemNumber(item, concept);
  return size === null || size < 0 || size > Number.MAX_SAFE_INTEGER ? 0 : size;
}

/** The text of a field: a non-blank string trimmed, a list joined with ", ", a number or flag as written; null when empty. */
export function fieldText(value: RawFieldValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string' && part.trim() !== '').map((part) => part.trim());
    return parts.length === 0 ? null : parts.join(', ');
  }
  return null;
}

/** An issue's labels as strings, whatever Jira sent. */
export function itemLabels(item: WorkItem): string[] {
  return Array.isArray(item.labels) ? item.labels.filter((label): label is string => typeof label === 'string') : [];
}

/** Text fields may arrive as something else from a broken adapter; the pages get strings. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}
