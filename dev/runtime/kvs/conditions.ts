/**
 * Condition evaluation and ordering for `kvs.query()`, custom-entity index queries and transaction conditions.
 *
 * Semantics (Forge documents the condition names, not every edge case; these follow the usual DynamoDB-style rules
 * Forge's store is modelled on):
 *  - comparisons only match values of the same type (number with number, string with string, boolean with
 *    boolean); strings compare by UTF-16 code units, as DynamoDB compares ASCII keys;
 *  - a missing attribute fails every condition except NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS;
 *  - BETWEEN is inclusive on both ends; CONTAINS works on strings (substring) and arrays (element);
 *  - BEGINS_WITH only matches strings.
 */
import { KvsError, KvsErrorCode } from './errors';
import type { FilterCondition, FilterItem, Filters, Scalar } from './schemas';
import type { JsonValue } from './validation';

/** -1/0/1, or undefined when the two values are not comparable (different types, or not scalars). */
export function compareScalars(a: JsonValue | undefined, b: JsonValue | undefined): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return undefined;
}

const SINGLE_VALUE: ReadonlySet<FilterCondition> = new Set<FilterCondition>([
  'BEGINS_WITH',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

/** Throws INSUFFICIENT_FILTER_VALUES when a condition lacks the values it needs. */
export function checkConditionValues(condition: FilterCondition, values: readonly Scalar[]): void {
  if (condition === 'BETWEEN' && values.length < 2) {
    throw new KvsError(KvsErrorCode.INSUFFICIENT_FILTER_VALUES, 'The specified condition needs at least two values.');
  }
  if (SINGLE_VALUE.has(condition) && values.length < 1) {
    throw new KvsError(KvsErrorCode.INSUFFICIENT_FILTER_VALUES, `The condition ${condition} needs a value.`);
  }
}

/** Whether `actual` (an attribute value, undefined when absent) satisfies `condition values`. */
export function matchesCondition(
  actual: JsonValue | undefined,
  condition: FilterCondition,
  values: readonly Scalar[],
): boolean {
  checkConditionValues(condition, values);
  const first = values[0];
  const cmp = (): number | undefined => compareScalars(actual, first);
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return cmp() === 0;
    case 'NOT_EQUAL_TO':
      return cmp() !== 0;
    case 'GREATER_THAN': {
      const c = cmp();
      return c !== undefined && c > 0;
    }
    case 'GREATER_THAN_EQUAL_TO': {
      const c = cmp();
      return c !== undefined && c >= 0;
    }
    case 'LESS_THAN': {
      const c = cmp();
      return c !== undefined && c < 0;
    }
    case 'LESS_THAN_EQUAL_TO': {
      const c = cmp();
      return c !== undefined && c <= 0;
    }
    case 'BETWEEN': {
      const lo = compareScalars(actual, values[0]);
      const hi = compareScalars(actual, values[1]);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
  }
}

function contains(actual: JsonValue | undefined, needle: Scalar | undefined): boolean {
  if (needle === undefined) return false;
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((el) => compareScalars(el, needle) === 0);
  return false;
}

/** Validates the `{and}` / `{or}` shape with Forge's codes; returns the operator and its items. */
export function normaliseFilters(filters: Filters): { op: 'and' | 'or'; items: FilterItem[] } {
  const and = filters.and ?? [];
  const or = filters.or ?? [];
  if (and.length > 0 && or.length > 0) {
    throw new KvsError(
      KvsErrorCode.INVALID_FILTER_OPERATORS_COMBINATION,
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  if (and.length === 0 && or.length === 0) {
    throw new KvsError(KvsErrorCode.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty.');
  }
  const op = and.length > 0 ? 'and' : 'or';
  const items = op === 'and' ? and : or;
  for (const item of items) checkConditionValues(item.condition, item.values);
  return { op, items };
}

/** Evaluates filters against an entity value (`undefined` when the entity does not exist). */
export function matchesFilters(value: Readonly<Record<string, JsonValue>> | undefined, filters: Filters): boolean {
  const { op, items } = normaliseFilters(filters);
  const test = (item: FilterItem): boolean =>
    matchesCondition(value === undefined ? undefined : value[item.property], item.condition, item.values);
  return op === 'and' ? items.every(test) : items.some(test);
}

/** Orders two sort tuples element by element; incomparable elements order by type name (stable, total). */
export function compareTuples(a: readonly JsonValue[], b: readonly JsonValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const c = compareScalars(x, y);
    if (c === undefined) {
      const tx = typeof x;
      const ty = typeof y;
      if (tx !== ty) return tx < ty ? -1 : 1;
      continue;
    }
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Cursors: opaque to callers; internally the position (sort tuple + key) of the last item returned, bound to the
// index it came from. Paging continues strictly after that position, so deleting the last item between pages is
// harmless. Forge says cursors are not stable and must not be persisted; ours happen to be.
// ---------------------------------------------------------------------------------------------------------------

export interface CursorPosition {
  scope: string;
  sort: JsonValue[];
  key: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: pos.scope, t: pos.sort, k: pos.key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, scope: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'k' in parsed &&
    't' in parsed &&
    's' in parsed &&
    typeof parsed.k === 'string' &&
    Array.isArray(parsed.t) &&
    parsed.s === scope
  ) {
    return { scope, sort: parsed.t as JsonValue[], key: parsed.k };
  }
  throw new KvsError(KvsErrorCode.BAD_REQUEST, 'Provided cursor is invalid for this query', { cursor });
}
