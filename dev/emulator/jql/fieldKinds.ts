import type { SiteIssue } from '../siteData';
import type { SiteView } from '../siteView';
import type { Operand, Operator } from './ast';
import { evaluateDateFunction, invalidDateMessage, isDateFunction, parseDateValue, parseJiraDateTime, startOfUtcDay } from './dates';

/** Building blocks for JQL fields: how a field reads an issue, reads a query value, compares and sorts. */

export type Scalar = string | number;
export type SingleOperand = Extract<Operand, { kind: 'value' } | { kind: 'function' }>;

export interface JqlEnv {
  view: SiteView;
  /** Epoch ms the query runs at. */
  now: number;
}

export interface JqlField {
  /** The name as the query wrote it; Jira's messages quote it that way. */
  label: string;
  operators: ReadonlySet<Operator>;
  /** The issue's values in canonical form; none means EMPTY. */
  values(issue: SiteIssue): Scalar[];
  /** A query value in the same canonical form, or Jira's message for it; `operator` is the clause's. */
  resolve(operand: SingleOperand, operator: Operator): Scalar | { error: string };
  /** For > >= < <=: undefined when the two cannot be ordered, which matches nothing. */
  compare(a: Scalar, b: Scalar): number | undefined;
  /** Words searched by ~ and !~. */
  texts?(issue: SiteIssue): string[];
  /** Sort key for ORDER BY; fields without one cannot be sorted. */
  sortValue?(issue: SiteIssue): Scalar | undefined;
  sortCompare?(a: Scalar, b: Scalar): number;
}

export const EQUALITY_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['=', '!=', 'IN', 'NOT IN', 'IS', 'IS NOT']);
export const ORDERED_OPERATORS: ReadonlySet<Operator> = new Set<Operator>([...EQUALITY_OPERATORS, '>', '>=', '<', '<=']);
export const TEXT_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['~', '!~', 'IS', 'IS NOT']);

export function naturalCompare(a: Scalar, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const KNOWN_FUNCTIONS = new Set(['currentuser']);

export function functionError(name: string, label: string): { error: string } {
  if (KNOWN_FUNCTIONS.has(name.toLowerCase()) || isDateFunction(name)) {
    return { error: `A value provided by the function '${name}' is invalid for the field '${label}'.` };
  }
  return { error: `Unable to find JQL function '${name}()'.` };
}

/** A field whose values name other things: projects, statuses, users, issues. */
export function referenceField(
  label: string,
  spec: {
    operators?: ReadonlySet<Operator>;
    values: (issue: SiteIssue) => Scalar[];
    lookup: (text: string) => Scalar | undefined;
    notFound?: (text: string) => string;
    currentUser?: () => Scalar;
    sortValue?: (issue: SiteIssue) => Scalar | undefined;
    compare?: (a: Scalar, b: Scalar) => number | undefined;
    sortCompare?: (a: Scalar, b: Scalar) => number;
  },
): JqlField {
  return {
    label,
    operators: spec.operators ?? EQUALITY_OPERATORS,
    values: spec.values,
    resolve(operand) {
      if (operand.kind === 'function') {
        if (operand.name.toLowerCase() === 'currentuser' && spec.currentUser && operand.args.length === 0) return spec.currentUser();
        return functionError(operand.name, label);
      }
      const found = spec.lookup(operand.text);
      if (found !== undefined) return found;
      return { error: spec.notFound ? spec.notFound(operand.text) : `The value '${operand.text}' does not exist for the field '${label}'.` };
    },
    compare: spec.compare ?? naturalCompare,
    ...(spec.sortValue ? { sortValue: spec.sortValue } : {}),
    ...(spec.sortCompare ? { sortCompare: spec.sortCompare } : {}),
  };
}

/** A date or date-time field. Date-only fields compare whole UTC days. */
export function dateField(label: string, read: (issue: SiteIssue) => string | null | undefined, dateOnly: boolean, env: JqlEnv): JqlField {
  const normalize = (ms: number): number => (dateOnly ? startOfUtcDay(ms) : ms);
  const valueOf = (issue: SiteIssue): number | undefined => {
    const raw = read(issue);
    const ms = typeof raw === 'string' ? parseJiraDateTime(raw) : undefined;
    return ms === undefined ? undefined : normalize(ms);
  };
  return {
    label,
    operators: ORDERED_OPERATORS,
    values: (issue) => {
      const ms = valueOf(issue);
      return ms === undefined ? [] : [ms];
    },
    resolve(operand) {
      const ms = operand.kind === 'function' ? evaluateDateFunction(operand.name, operand.args, env.now) : parseDateValue(operand.text, env.now);
      if (ms !== undefined) return normalize(ms);
      return operand.kind === 'function' ? functionError(operand.name, label) : { error: invalidDateMessage(operand.text, label) };
    },
    compare: naturalCompare,
    sortValue: valueOf,
  };
}

export function numberField(label: string, read: (issue: SiteIssue) => unknown): JqlField {
  const valueOf = (issue: SiteIssue): number | undefined => {
    const raw = read(issue);
    return typeof raw === 'number' ? raw : undefined;
  };
  return {
    label,
    operators: ORDERED_OPERATORS,
    values: (issue) => {
      const n = valueOf(issue);
      return n === undefined ? [] : [n];
    },
    resolve(operand) {
      if (operand.kind === 'function') return functionError(operand.name, label);
      const n = Number(operand.text);
      return operand.text.trim() !== '' && Number.isFinite(n) ? n : { error: `The value '${operand.text}' is invalid for the field '${label}'. It must be a number.` };
    },
    compare: naturalCompare,
    sortValue: valueOf,
  };
}

/** Free text: only ~, !~ and emptiness. */
export function textField(label: string, read: (issue: SiteIssue) => string[], options: { sortable: boolean; operators?: ReadonlySet<Operator> }): JqlField {
  return {
    label,
    operators: options.operators ?? TEXT_OPERATORS,
    values: (issue) => read(issue).filter((t) => t !== ''),
    resolve: (operand) => (operand.kind === 'function' ? functionError(operand.name, label) : operand.text),
    compare: () => undefined,
    texts: read,
    ...(options.sortable ? { sortValue: (issue: SiteIssue) => read(issue)[0]?.toLowerCase() } : {}),
  };
}

/** Values matched case-insensitively as whole strings: labels, select options, anything else. */
export function stringSetField(
  label: string,
  read: (issue: SiteIssue) => string[],
  allowed?: readonly string[],
): JqlField {
  const allowedLower = allowed?.map((a) => a.toLowerCase());
  return {
    label,
    operators: EQUALITY_OPERATORS,
    values: (issue) => read(issue).map((v) => v.toLowerCase()),
    resolve(operand) {
      if (operand.kind === 'function') return functionError(operand.name, label);
      const lower = operand.text.toLowerCase();
      if (allowedLower && !allowedLower.includes(lower)) return { error: `The option '${operand.text}' for field '${label}' does not exist.` };
      return lower;
    },
    compare: naturalCompare,
    sortValue: (issue) => read(issue)[0]?.toLowerCase(),
  };
}

/** Turns a stored REST value (option, user, string, number, or arrays of them) into comparable strings. */
export function scalarize(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(scalarize);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['value', 'accountId', 'name', 'key', 'id']) {
      const inner = record[key];
      if (typeof inner === 'string' || typeof inner === 'number') return [String(inner)];
    }
  }
  return [];
}
