import type { CatalogField } from '../fieldCatalog';
import type { SiteIssue } from '../siteData';
import type { Clause, Operand, Operator, Query, SortItem } from './ast';
import { JqlError } from './errors';
import { naturalCompare, type JqlEnv, type JqlField, type Scalar } from './fieldKinds';
import { lookupField } from './fields';
import { parseTextQuery, textMatches } from './text';

export interface CompiledQuery {
  /** Jira's enhanced search refuses queries without a search restriction. */
  bounded: boolean;
  matches(issue: SiteIssue): boolean;
  compare(a: SiteIssue, b: SiteIssue): number;
}

type Predicate = (issue: SiteIssue) => boolean;
const NEVER: Predicate = () => false;
const EMPTY = Symbol('EMPTY');
type Resolved = Scalar | typeof EMPTY;

/**
 * Checks a parsed query against the site the way Jira validates it (every problem reported at once)
 * and turns it into a filter and an ordering. Throws JqlError when anything is invalid.
 */
export function compileQuery(query: Query, env: JqlEnv, catalog: readonly CatalogField[]): CompiledQuery {
  const errors: string[] = [];
  const matches = query.where ? compileClause(query.where, env, catalog, errors) : () => true;
  const compare = compileOrder(query.orderBy, env, catalog, errors);
  if (errors.length) throw new JqlError([...new Set(errors)]);
  return { bounded: query.where !== undefined, matches, compare };
}

function compileClause(clause: Clause, env: JqlEnv, catalog: readonly CatalogField[], errors: string[]): Predicate {
  switch (clause.kind) {
    case 'and': {
      const parts = clause.clauses.map((c) => compileClause(c, env, catalog, errors));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((c) => compileClause(c, env, catalog, errors));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileClause(clause.clause, env, catalog, errors);
      return (issue) => !inner(issue);
    }
    case 'terminal': {
      const field = lookupField(clause.field.name, env, catalog);
      if ('error' in field) {
        errors.push(field.error);
        return NEVER;
      }
      return compileTerminal(field, clause.operator, clause.operand, errors);
    }
  }
}

function describe(operand: Operand): string {
  if (operand.kind === 'value') return operand.text;
  if (operand.kind === 'empty') return 'EMPTY';
  if (operand.kind === 'function') return `${operand.name}(${operand.args.join(', ')})`;
  return `(${operand.items.map(describe).join(', ')})`;
}

function resolveAll(field: JqlField, operator: Operator, operands: readonly Operand[], errors: string[]): Resolved[] {
  const resolved: Resolved[] = [];
  for (const operand of operands) {
    if (operand.kind === 'empty') resolved.push(EMPTY);
    else if (operand.kind === 'list') errors.push(`The operator does not support nested lists: '${describe(operand)}'.`);
    else {
      const value = field.resolve(operand, operator);
      if (typeof value === 'object') errors.push(value.error);
      else resolved.push(value);
    }
  }
  return resolved;
}

function compileTerminal(field: JqlField, operator: Operator, operand: Operand, errors: string[]): Predicate {
  const label = field.label;
  if (!field.operators.has(operator)) {
    errors.push(`The operator '${operator.toLowerCase()}' is not supported by the '${label}' field.`);
    return NEVER;
  }
  const isList = operator === 'IN' || operator === 'NOT IN';
  if (operand.kind === 'list' && !isList) {
    errors.push(`The operator '${operator}' does not support the list value '${describe(operand)}' for field '${label}'.`);
    return NEVER;
  }
  if (operand.kind === 'empty' && !['=', '!=', 'IS', 'IS NOT'].includes(operator)) {
    errors.push(`The operator '${operator}' does not support searching for EMPTY values for field '${label}'.`);
    return NEVER;
  }

  if (operator === '~' || operator === '!~') {
    if (operand.kind !== 'value') {
      errors.push(`The operator '${operator}' does not support the value '${describe(operand)}' for field '${label}'.`);
      return NEVER;
    }
    const query = parseTextQuery(operand.text, label);
    if (typeof query === 'string') {
      errors.push(query);
      return NEVER;
    }
    const texts = field.texts ?? (() => []);
    if (operator === '~') return (issue) => textMatches(texts(issue), query);
    return (issue) => {
      const haystacks = texts(issue).filter((t) => t !== '');
      return haystacks.length > 0 && !textMatches(haystacks, query);
    };
  }

  const operands = operand.kind === 'list' ? operand.items : [operand];
  const resolved = resolveAll(field, operator, operands, errors);
  const wantsEmpty = resolved.includes(EMPTY);
  const wanted = resolved.filter((v): v is Scalar => v !== EMPTY);
  const hasAny = (values: Scalar[]): boolean => wanted.some((w) => values.includes(w));

  switch (operator) {
    case 'IS':
      return (issue) => field.values(issue).length === 0;
    case 'IS NOT':
      return (issue) => field.values(issue).length > 0;
    case '=':
    case 'IN':
      return (issue) => {
        const values = field.values(issue);
        return (wantsEmpty && values.length === 0) || hasAny(values);
      };
    // Like Jira, != and NOT IN never match an issue whose field is empty.
    case '!=':
    case 'NOT IN':
      return (issue) => {
        const values = field.values(issue);
        return values.length > 0 && !hasAny(values);
      };
    default: {
      const test = orderedTest(operator);
      return (issue) => field.values(issue).some((v) => wanted.some((w) => test(field.compare(v, w))));
    }
  }
}

function orderedTest(operator: Operator): (cmp: number | undefined) => boolean {
  return (cmp) => {
    if (cmp === undefined) return false;
    if (operator === '>') return cmp > 0;
    if (operator === '>=') return cmp >= 0;
    if (operator === '<') return cmp < 0;
    return cmp <= 0;
  };
}

type IssueComparator = (a: SiteIssue, b: SiteIssue) => number;

function keyNumber(issue: SiteIssue): number {
  return Number(/-(\d+)$/.exec(issue.key)?.[1] ?? 0);
}

/** Without ORDER BY, newest keys come first. Ties always fall back to the issue id so pages are stable. */
const DEFAULT_ORDER: IssueComparator = (a, b) => (a.projectKey === b.projectKey ? keyNumber(b) - keyNumber(a) : a.projectKey < b.projectKey ? 1 : -1);
const BY_ID: IssueComparator = (a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function compileOrder(items: readonly SortItem[], env: JqlEnv, catalog: readonly CatalogField[], errors: string[]): IssueComparator {
  if (items.length === 0) return (a, b) => DEFAULT_ORDER(a, b) || BY_ID(a, b);
  const comparators: IssueComparator[] = [];
  for (const item of items) {
    const name = item.field.name.toLowerCase() === 'rank' ? 'issuekey' : item.field.name;
    const field = lookupField(name, env, catalog);
    if ('error' in field) {
      errors.push(field.error);
      continue;
    }
    const sortValue = field.sortValue;
    if (!sortValue) {
      errors.push(`Field '${item.field.name}' does not support sorting.`);
      continue;
    }
    const direction = item.direction === 'DESC' ? -1 : 1;
    const compareValues = field.sortCompare ?? ((x: Scalar, y: Scalar) => naturalCompare(x, y) ?? String(x).localeCompare(String(y)));
    comparators.push((a, b) => {
      const va = sortValue(a);
      const vb = sortValue(b);
      // EMPTY sorts as the greatest value: last ascending, first descending.
      if (va === undefined || vb === undefined) return va === vb ? 0 : (va === undefined ? 1 : -1) * direction;
      return compareValues(va, vb) * direction;
    });
  }
  return (a, b) => {
    for (const c of comparators) {
      const result = c(a, b);
      if (result !== 0) return result;
    }
    return BY_ID(a, b);
  };
}
