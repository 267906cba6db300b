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
