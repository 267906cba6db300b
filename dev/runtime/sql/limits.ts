/**
 * Forge SQL's documented limits (developer.atlassian.com/platform/forge/limits-sql), per installation unless said.
 * The local service enforces each; tests may lower them to reach them quickly.
 */
export interface ForgeSqlLimits {
  /** Total stored data: 128 MiB for development installs (256 MiB staging, 1 GiB production). */
  storedBytes: number;
  tables: number;
  /** DML requests per second. */
  dmlPerSecond: number;
  /** DDL requests per minute. */
  ddlPerMinute: number;
  /** Query execution time within each minute, all invocations together. */
  queryMsPerMinute: number;
  requestBytes: number;
  responseBytes: number;
  selectTimeoutMs: number;
  writeTimeoutMs: number;
  ddlTimeoutMs: number;
}

export const MiB = 1024 * 1024;

export const FORGE_SQL_LIMITS: ForgeSqlLimits = {
  storedBytes: 128 * MiB,
  tables: 200,
  dmlPerSecond: 150,
  ddlPerMinute: 25,
  queryMsPerMinute: 62_500,
  requestBytes: 1 * MiB,
  responseBytes: 4 * MiB,
  selectTimeoutMs: 5_000,
  writeTimeoutMs: 10_000,
  ddlTimeoutMs: 20_000,
};
