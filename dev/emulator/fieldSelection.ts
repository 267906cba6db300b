import type { CatalogField } from './fieldCatalog';

export interface FieldSelection {
  /** Fields to put under `fields`, in catalog order. */
  fields: CatalogField[];
  /** Only `id` was asked for: issues are rendered as `{ id }`, as the enhanced search does by default. */
  idOnly: boolean;
}

/** Splits repeated and comma-separated `fields` values into single names. */
export function fieldTokens(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * Resolves Jira's `fields` parameter: `*all`, `*navigable`, `id`, `key`, field ids (or keys when
 * fieldsByKeys), and `-field` exclusions. Unknown names are ignored, as Jira ignores them.
 * Exclusions alone start from the navigable fields.
 */
export function selectFields(
  requested: readonly string[],
  defaultSpec: '*all' | 'id',
  candidates: readonly CatalogField[],
  byKeys: boolean,
): FieldSelection {
  const tokens = requested.length ? requested : [defaultSpec];
  const exclusions = new Set(tokens.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  const explicit = tokens.filter((t) => !t.startsWith('-') && t !== '*all' && t !== '*navigable');
  let base: CatalogField[] = [];
  if (tokens.includes('*all')) base = [...candidates];
  else if (tokens.includes('*navigable') || (explicit.length === 0 && exclusions.size > 0)) base = candidates.filter((f) => f.navigable);

  const name = (f: CatalogField): string => (byKeys ? f.key : f.id);
  const wanted = new Set(base.map(name));
  for (const token of explicit) if (candidates.some((f) => name(f) === token)) wanted.add(token);
  for (const token of exclusions) wanted.delete(token);

  const fields = candidates.filter((f) => wanted.has(name(f)));
  const idOnly = fields.length === 0 && base.length === 0 && explicit.every((t) => t === 'id');
  return { fields, idOnly };
}
