import type { EditValueDto } from '../contract';
import { unwrapFieldValue } from './issueMapper';
import { schemaKind } from './fields';
import type { JiraFieldDetails } from './schemas';

/** Between a page's value and Jira's REST v3 shape for the field it is mapped to, by the field's schema. */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';

/** What a page's value means for this field in Jira's JSON, or why it cannot be written there. */
export function toJiraValue(field: JiraFieldDetails, value: EditValueDto): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (value === null) return { ok: true, value: null };
  switch (schemaKind(field)) {
    case 'date':
      return typeof value === 'string' && ISO_DAY.test(value) ? { ok: true, value } : { ok: false, problem: 'a date like 2026-03-31' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'a number' };
    case 'option':
      return typeof value === 'string' && value.trim() ? { ok: true, value: { value } } : { ok: false, problem: 'one of the field’s options' };
    case 'options': {
      // A flag field (Jira's "Flagged" checkbox): true sets its one option, false clears it.
      if (typeof value === 'boolean') return { ok: true, value: value ? [{ value: 'Impediment' }] : null };
      return Array.isArray(value) ? { ok: true, value: value.map((v) => ({ value: v })) } : { ok: false, problem: 'options' };
    }
    case 'text': {
      if (typeof value !== 'string') return { ok: false, problem: 'text' };
      // A multi-line text field takes an Atlassian Document in REST v3.
      if (field.schema?.custom !== TEXTAREA) return { ok: true, value };
      return { ok: true, value: { type: 'doc', version: 1, content: value ? [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] : [] } };
    }
    default:
      return { ok: false, problem: 'a value of a kind the app does not write' };
  }
}

/** Jira's value for the field as a page holds it (the same unwrapping as the issue mapper); undefined if unreadable. */
export function fromJiraValue(field: JiraFieldDetails, raw: unknown): EditValueDto | undefined {
  const value = unwrapFieldValue(raw);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return schemaKind(field) === 'options' ? value.length > 0 : [...value];
  return value as Exclude<typeof value, readonly string[]>;
}

/** Two page values are the same value (a flag set is `true` or its options). */
export function sameValue(a: EditValueDto | undefined, b: EditValueDto | undefined): boolean {
  const flag = (v: EditValueDto | undefined) => (Array.isArray(v) ? v.length > 0 : v);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Boolean(flag(a)) === Boolean(flag(b));
  return JSON.stringify(a) === JSON.stringify(b);
}
