import { sql, type UpdateQueryResponse } from '@forge/sql';

/** `?, ?, …` for a statement's list of n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** One SELECT with its parameters bound: the rows, still to be validated by the caller. */
export async function selectRows(query: string, params: readonly unknown[]): Promise<unknown> {
  const result = await sql.prepare<unknown>(query).bindParams(...params).execute();
  return result.rows;
}

/** One INSERT, UPDATE, REPLACE or DELETE with its parameters bound: the rows it affected. */
export async function writeRows(query: string, params: readonly unknown[]): Promise<number> {
  const result = await sql.prepare<UpdateQueryResponse>(query).bindParams(...params).execute();
  return (result.rows as unknown as UpdateQueryResponse).affectedRows ?? 0;
}

/**
 * REPLACEs rows of `columns` into `table`, as many a request as fit in `limit` by `size` (a row's text length), so each
 * request stays under Forge SQL's 1 MiB: a row written before (a step redone) is replaced, not doubled.
 */
export async function replaceInBatches(table: string, columns: readonly string[], rows: Iterable<unknown[]>, size: (row: unknown[]) => number, limit: number): Promise<void> {
  let batch: unknown[][] = [];
  let used = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await writeRows(`REPLACE INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => `(${placeholders(columns.length)})`).join(', ')}`, batch.flat());
    batch = [];
    used = 0;
  };
  for (const row of rows) {
    const length = size(row);
    if (used + length > limit) await flush();
    batch.push(row);
    used += length;
  }
  await flush();
}
