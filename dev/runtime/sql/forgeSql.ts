import type { Connection, ResultSetHeader } from 'mysql2/promise';
import type { LocalMariadb } from '../../sql/mariadb';
import { FORGE_SQL_LIMITS, type ForgeSqlLimits } from './limits';
import { declaresForeignKey, hasSeveralStatements, statementKind } from './statementShape';
import { z } from 'zod';

/** What `@forge/sql` 4 sends to `/api/v1/execute` and `/api/v1/execute/ddl`. */
const requestSchema = z.object({ query: z.string().min(1), params: z.array(z.unknown()).default([]), method: z.string().optional() });

export const SQL_PATHS = { execute: '/api/v1/execute', ddl: '/api/v1/execute/ddl' } as const;

export interface SqlAnswer {
  status: number;
  body: unknown;
}

/** What one request cost, for the invocation report. */
export interface SqlCharge {
  queryMs: number;
  /** The answer's JSON, as Forge SQL sends it back (refusals too): what the invocation had to read. */
  responseBytes: number;
}

/** @forge/sql's error body: `{ code, message, context? }` (its errorCodes), plus Forge's rate-limit code. */
const refusal = (status: number, code: string, message: string, context?: Record<string, unknown>): SqlAnswer => ({ status, body: { code, message, ...(context ? { context } : {}) } });

/** A fixed window counter: how much was used in the current window of `windowMs`. */
class FixedWindow {
  private start = 0;
  private used = 0;
  constructor(private readonly windowMs: number) {}
  usedAt(now: number): number {
    if (now - this.start >= this.windowMs) {
      this.start = now - (now % this.windowMs);
      this.used = 0;
    }
    return this.used;
  }
  add(now: number, amount: number): void {
    this.usedAt(now);
    this.used += amount;
  }
  retryAfterMs(now: number): number {
    return this.start + this.windowMs - now;
  }
}

/**
 * One installation's Forge SQL database on the local MariaDB server, refusing what Forge SQL refuses: several
 * statements in one request, foreign keys, requests over 1 MiB, answers over 4 MiB, SELECTs over 5 s (writes 10 s,
 * DDL 20 s), more than 150 DML requests a second, 25 DDL requests a minute or 62.5 s of query time a minute, more
 * than 200 tables or 128 MiB stored.
 */
/** At most this many stored bytes (rows, their indexes, half-full pages) per byte of a write request. */
const STORED_BYTES_PER_WRITTEN_BYTE = 4;
const REMEASURE_AFTER_MS = 10_000;

export class LocalForgeSql {
  private readonly dml = new FixedWindow(1_000);
  private readonly ddl = new FixedWindow(60_000);
  private readonly queryTime = new FixedWindow(60_000);
  private queue: Promise<unknown> = Promise.resolve();

  /** The stored bytes last measured, and the request bytes written since. */
  private measured: { bytes: number; writtenSince: number; at: number } | null = null;

  private constructor(
    private readonly connection: Connection,
    private readonly admin: Connection,
    /** The installation's database name on the server. */
    readonly database: string,
    private readonly limits: ForgeSqlLimits,
    private readonly now: () => number,
  ) {}

  static async open(server: LocalMariadb, options: { database: string; limits?: Partial<ForgeSqlLimits>; now?: () => number }): Promise<LocalForgeSql> {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(options.database)) throw new Error(`Not a database name: ${options.database}`);
    const admin = await server.connect();
    // Forge SQL (TiDB) stores text as utf8mb4 with the binary collation by default: an emoji in a summary must fit.
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${options.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const connection = await server.connect(options.database);
    return new LocalForgeSql(connection, admin, options.database, { ...FORGE_SQL_LIMITS, ...options.limits }, options.now ?? Date.now);
  }

  /** Answers one request; never rejects. Requests run one at a time, like one connection. */
  handle(path: string, bodyText: string, charge?: (cost: SqlCharge) => void): Promise<SqlAnswer> {
    const run = this.queue.then(() => this.answer(path, bodyText, charge));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Data and index bytes the installation's tables hold, as Forge SQL's storage quota counts them. */
  async storedBytes(): Promise<number> {
    const [tables] = await this.admin.query('SELECT table_name AS name FROM information_schema.TABLES WHERE table_schema = ?', [this.database]);
    const names = (tables as Array<{ name: string }>).map((t) => `\`${this.database}\`.\`${t.name}\``);
    // InnoDB's figures in information_schema lag far behind the data (16 KB for 7 MB of rows) until the table is analysed.
    if (names.length > 0) await this.admin.query(`ANALYZE TABLE ${names.join(', ')}`);
    const [rows] = await this.admin.query('SELECT COALESCE(SUM(data_length + index_length), 0) AS bytes FROM information_schema.TABLES WHERE table_schema = ?', [this.database]);
    return Number((rows as Array<{ bytes: unknown }>)[0]?.bytes ?? 0);
  }

  async close(): Promise<void> {
    await this.connection.end();
    await this.admin.end();
  }

  private async answer(path: string, bodyText: string, charge?: (cost: SqlCharge) => void): Promise<SqlAnswer> {
    const isDdl = path === SQL_PATHS.ddl;
    if (!isDdl && path !== SQL_PATHS.execute) return refusal(404, 'UNKNOWN_ERROR', `No Forge SQL endpoint ${path}`);
    if (Buffer.byteLength(bodyText, 'utf8') > this.limits.requestBytes) return refusal(413, 'INVALID_SQL_QUERY', `The request is larger than Forge SQL's ${this.limits.requestBytes} bytes.`);
    let request: z.infer<typeof requestSchema>;
    try {
      request = requestSchema.parse(JSON.parse(bodyText));
    } catch {
      return refusal(400, 'INVALID_SQL_QUERY', 'The request is not { query, params } JSON.');
    }
    if (hasSeveralStatements(request.query)) return refusal(400, 'INVALID_SQL_QUERY', 'Each SQL statement can only contain a single query.');
    if (declaresForeignKey(request.query)) return refusal(400, 'INVALID_SQL_QUERY', 'Foreign keys are not supported by Forge SQL.');

    const now = this.now();
    const window = isDdl ? this.ddl : this.dml;
    const allowed = isDdl ? this.limits.ddlPerMinute : this.limits.dmlPerSecond;
    if (window.usedAt(now) >= allowed) return this.rateLimited(window, now, isDdl ? `${allowed} DDL requests a minute` : `${allowed} DML requests a second`);
    if (this.queryTime.usedAt(now) >= this.limits.queryMsPerMinute) return this.rateLimited(this.queryTime, now, `${this.limits.queryMsPerMinute / 1000} s of query time a minute`);
    window.add(now, 1);

    const kind = statementKind(request.query);
    const full = await this.capacityProblem(kind, request.query, Buffer.byteLength(bodyText, 'utf8'));
    if (full) return refusal(400, 'SQL_EXECUTION_ERROR', full);
    const timeoutMs = kind === 'select' ? this.limits.selectTimeoutMs : kind === 'dml' ? this.limits.writeTimeoutMs : this.limits.ddlTimeoutMs;
    const started = this.now();
    let timedOut = false;
    let answer: SqlAnswer | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      // Forge stops the query on its side; here the server is told to.
      this.admin.query(`KILL QUERY ${this.connection.threadId}`).catch(() => undefined);
    }, timeoutMs);
    try {
      const [result] = await this.connection.query({ sql: request.query, values: request.params });
      const body = { rows: Array.isArray(result) ? result : updateResponse(result as ResultSetHeader) };
      const text = JSON.stringify(body);
      answer = Buffer.byteLength(text, 'utf8') > this.limits.responseBytes ? refusal(400, 'SQL_EXECUTION_ERROR', `The answer is larger than Forge SQL's ${this.limits.responseBytes} bytes.`) : { status: 200, body };
    } catch (error) {
      if (timedOut) answer = refusal(504, 'QUERY_TIMED_OUT', `The ${kind === 'select' ? 'SELECT' : kind === 'dml' ? 'write' : 'DDL'} query ran past Forge SQL's ${timeoutMs / 1000} s.`);
      else {
        const sqlError = error as { sqlMessage?: string; errno?: number; sqlState?: string; message?: string };
        answer = refusal(400, 'SQL_EXECUTION_ERROR', sqlError.sqlMessage ?? sqlError.message ?? 'The query failed', { errno: sqlError.errno, sqlState: sqlError.sqlState });
      }
    } finally {
      clearTimeout(timer);
    }
    const queryMs = this.now() - started;
    this.queryTime.add(this.now(), queryMs);
    charge?.({ queryMs, responseBytes: Buffer.byteLength(JSON.stringify(answer.body), 'utf8') });
    return answer;
  }

  private rateLimited(window: FixedWindow, now: number, what: string): SqlAnswer {
    return refusal(429, 'RATE_LIMIT_EXCEEDED', `Forge SQL allows ${what} per installation; try again in ${Math.ceil(window.retryAfterMs(now) / 1000)} s.`);
  }

  /**
   * A write past the stored-data quota, or a table past the table count, is refused before it runs. The stored bytes
   * are measured again (an ANALYZE, slow on large tables) only when the writes since the last measure could have
   * reached the quota: each written byte may take up to STORED_BYTES_PER_WRITTEN_BYTE on disk.
   */
  private async capacityProblem(kind: string, query: string, requestBytes: number): Promise<string | null> {
    if (kind === 'dml' && !/^\s*DELETE\b/i.test(query)) {
      const known = this.measured;
      const now = this.now();
      // Another process may write to the same installation's database (a second runtime): measure again now and then.
      if (known === null || now - known.at > REMEASURE_AFTER_MS || known.bytes + STORED_BYTES_PER_WRITTEN_BYTE * (known.writtenSince + requestBytes) >= this.limits.storedBytes) {
        this.measured = { bytes: await this.storedBytes(), writtenSince: 0, at: now };
      }
      const measured = this.measured as { bytes: number; writtenSince: number; at: number };
      if (measured.bytes >= this.limits.storedBytes) return `The installation's database holds ${measured.bytes} bytes, Forge SQL's limit of ${this.limits.storedBytes}.`;
      measured.writtenSince += requestBytes;
    }
    // A schema change may add bytes (an index): measure again before the next write.
    if (kind === 'ddl') this.measured = null;
    if (kind === 'ddl' && /^\s*CREATE\s+TABLE\b/i.test(query) && !/IF\s+NOT\s+EXISTS/i.test(query)) {
      const [rows] = await this.admin.query('SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE table_schema = ?', [this.database]);
      const tables = Number((rows as Array<{ n: unknown }>)[0]?.n ?? 0);
      if (tables >= this.limits.tables) return `The installation's database has ${tables} tables, Forge SQL's limit.`;
    }
    return null;
  }
}

/** @forge/sql's UpdateQueryResponse. */
function updateResponse(header: ResultSetHeader) {
  return { affectedRows: header.affectedRows, fieldCount: header.fieldCount, info: header.info, insertId: header.insertId, serverStatus: header.serverStatus, warningStatus: header.warningStatus };
}
