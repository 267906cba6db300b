/** Whether the edited configuration differs from the one it was read as, and where. No React here. */
import type { TransformationConfigDto } from '../../../../src/contract';

/** Structural equality of JSON-like values; key order does not matter, a key set to undefined counts as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)].filter((k) => left[k] !== undefined || right[k] !== undefined));
  return [...keys].every((k) => deepEqual(left[k], right[k]));
}

const SECTIONS: readonly { key: keyof TransformationConfigDto; label: string }[] = [
  { key: 'name', label: 'name' },
  { key: 'boxTypes', label: 'box types' },
  { key: 'fieldMapping', label: 'field mapping' },
  { key: 'conversion', label: 'conversion' },
  { key: 'riskIssueTypes', label: 'risk issue types' },
  { key: 'milestoneIssueTypes', label: 'milestone issue types' },
  { key: 'riskScale', label: 'risk scale' },
];

/** The parts of the configuration that changed, e.g. ["box types", "field mapping"]; empty when nothing did. */
export function changedSections(saved: TransformationConfigDto, draft: TransformationConfigDto): string[] {
  const named = SECTIONS.filter(({ key }) => !deepEqual(saved[key], draft[key])).map(({ label }) => label);
  const known = new Set<string>(SECTIONS.map((s) => s.key));
  const other = [...new Set([...Object.keys(saved), ...Object.keys(draft)])].some(
    (k) => !known.has(k) && !deepEqual((saved as unknown as Record<string, unknown>)[k], (draft as unknown as Record<string, unknown>)[k]),
  );
  return other ? [...named, 'other settings'] : named;
}

export const isDirty = (saved: TransformationConfigDto, draft: TransformationConfigDto): boolean => !deepEqual(saved, draft);
