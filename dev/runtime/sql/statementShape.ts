/** What Forge SQL refuses in a statement's text before running it (developer.atlassian.com/platform/forge/limits-sql). */

/** The statement's text with string literals, quoted names and comments blanked, so keywords and ';' are found only in code. */
export function codeOnly(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; i += 1) {
    const c = query[i] ?? '';
    const next = query[i + 1] ?? '';
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < query.length && !(query[j] === c && query[j - 1] !== '\\')) j += 1;
      out += ' '.repeat(j - i + 1);
      i = j;
    } else if ((c === '-' && next === '-') || c === '#') {
      const end = query.indexOf('\n', i);
      const stop = end === -1 ? query.length : end;
      out += ' '.repeat(stop - i);
      i = stop - 1;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end === -1 ? query.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** "Each SQL statement can only contain a single query": a ';' may only end the statement. */
export function hasSeveralStatements(query: string): boolean {
  const code = codeOnly(query).trimEnd().replace(/;\s*$/, '');
  return code.includes(';');
}

/** "Foreign keys are not supported." */
export function declaresForeignKey(query: string): boolean {
  return /\bFOREIGN\s+KEY\b|\bREFERENCES\b/i.test(codeOnly(query));
}

export type StatementKind = 'select' | 'dml' | 'ddl';

/** SELECT-like reads, INSERT/UPDATE/DELETE-like writes, and the rest (schema changes), as Forge times them. */
export function statementKind(query: string): StatementKind {
  const first = /^\s*\(?\s*([A-Za-z]+)/.exec(codeOnly(query))?.[1]?.toUpperCase() ?? '';
  if (['SELECT', 'WITH', 'SHOW', 'EXPLAIN', 'DESCRIBE', 'DESC', 'TABLE', 'VALUES'].includes(first)) return 'select';
  if (['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(first)) return 'dml';
  return 'ddl';
}
