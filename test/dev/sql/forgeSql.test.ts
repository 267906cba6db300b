import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ForgeSQLAPIError, migrationRunner, sql } from '@forge/sql';
import { LocalForgeSql, sqlFetch, type ForgeSqlLimits } from '../../../dev/runtime/sql';
import { startMariadb, type LocalMariadb } from '../../../dev/sql/mariadb';

let server: LocalMariadb;
let installation = 0;

/** A fresh installation's database behind the real @forge/sql, with some of Forge's limits lowered to reach them quickly. */
async function install(limits: Partial<ForgeSqlLimits> = {}, now?: () => number): Promise<LocalForgeSql> {
  installation += 1;
  const service = await LocalForgeSql.open(server, { database: `install_${installation}`, limits, ...(now ? { now } : {}) });
  const toSql = sqlFetch(service);
  Object.assign(globalThis, { __forge_fetch__: (target: { type: string }, url: string, init?: RequestInit) => (target.type === 'sql' ? toSql(url, init) : Promise.reject(new Error(`unexpected ${target.type}`))) });
  return service;
}

const refusedWith = async (run: Promise<unknown>): Promise<{ code: string; status: number; message: string }> => {
  const error = await run.then(() => null, (e: unknown) => e);
  if (!(error instanceof ForgeSQLAPIError)) throw new Error(`expected a ForgeSQLAPIError, got ${String(error)}`);
  return { code: error.code, status: error.responseDetails.status, message: error.message };
};

beforeAll(async () => {
  server = await startMariadb({ dataDir: path.join(mkdtempSync(path.join(tmpdir(), 'to-mariadb-')), 'data') });
}, 90_000);
afterAll(() => server.close());

describe('local Forge SQL through the real @forge/sql', () => {
  let service: LocalForgeSql;
  beforeAll(async () => {
    service = await install();
  });
  afterAll(() => service.close());

  it('runs migrations once, binds parameters, and answers rows and update results as Forge does', async () => {
    migrationRunner.enqueue('v001_issues', 'CREATE TABLE issues (id BIGINT PRIMARY KEY, issue_key VARCHAR(32) NOT NULL, points DOUBLE NULL, INDEX by_key (issue_key))');
    expect(await migrationRunner.run()).toEqual(['v001_issues']);
    expect(await migrationRunner.run()).toEqual([]);
    const inserted = await sql.prepare('INSERT INTO issues (id, issue_key, points) VALUES (?, ?, ?), (?, ?, ?)').bindParams(1, 'PAY-1', 3, 2, "O'Brien-2", null).execute();
    expect(inserted.rows).toMatchObject({ affectedRows: 2, insertId: 0 });
    const rows = await sql.prepare<{ issue_key: string; points: number | null }>('SELECT issue_key, points FROM issues WHERE id >= ? ORDER BY id').bindParams(1).execute();
    expect(rows.rows).toEqual([{ issue_key: 'PAY-1', points: 3 }, { issue_key: "O'Brien-2", points: null }]);
  });

  it('charges each request its query time and the bytes of its answer', async () => {
    const charges: Array<{ queryMs: number; responseBytes: number }> = [];
    const answer = await service.handle('/api/v1/execute', JSON.stringify({ query: 'SELECT ? AS v', params: ['x'.repeat(1_000)] }), (charge) => charges.push(charge));
    expect(charges).toHaveLength(1);
    expect(charges[0]?.responseBytes).toBe(Buffer.byteLength(JSON.stringify(answer.body)));
    expect(charges[0]?.responseBytes).toBeGreaterThan(1_000);
    expect(charges[0]?.queryMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses two statements in one request, even one hidden after a string', async () => {
    expect(await refusedWith(sql.executeRaw('SELECT 1; SELECT 2'))).toMatchObject({ code: 'INVALID_SQL_QUERY', message: 'Each SQL statement can only contain a single query.' });
    expect(await refusedWith(sql.executeRaw("SELECT 'a;b'; DELETE FROM issues"))).toMatchObject({ code: 'INVALID_SQL_QUERY' });
    // A ';' inside a string, or ending the statement, is one statement.
    expect((await sql.executeRaw<{ v: string }>("SELECT 'a;b' AS v;")).rows).toEqual([{ v: 'a;b' }]);
  });

  it('refuses foreign keys', async () => {
    const ddl = 'CREATE TABLE boxes (id BIGINT PRIMARY KEY, issue_id BIGINT, FOREIGN KEY (issue_id) REFERENCES issues (id))';
    expect(await refusedWith(sql.executeDDL(ddl))).toMatchObject({ code: 'INVALID_SQL_QUERY', message: 'Foreign keys are not supported by Forge SQL.' });
  });

  it('refuses a request over 1 MiB and an answer over 4 MiB', async () => {
    const big = 'x'.repeat(1024 * 1024);
    expect(await refusedWith(sql.prepare('SELECT ? AS v').bindParams(big).execute())).toMatchObject({ code: 'INVALID_SQL_QUERY', status: 413 });
    expect(await refusedWith(sql.executeRaw("SELECT REPEAT('y', 5000000) AS v"))).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: expect.stringContaining('4194304 bytes') });
  });

  it('reports a failing statement with the database message', async () => {
    expect(await refusedWith(sql.executeRaw('SELECT nope FROM issues'))).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: expect.stringContaining("Unknown column 'nope'") });
  });
});

describe('local Forge SQL charges what Forge SQL charges', () => {
  it('stops a SELECT at its timeout', async () => {
    const service = await install({ selectTimeoutMs: 300 });
    expect(await refusedWith(sql.executeRaw('SELECT SLEEP(5)'))).toMatchObject({ code: 'QUERY_TIMED_OUT', status: 504 });
    expect((await sql.executeRaw<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await service.close();
  });

  it('answers 429 past the DML requests a second and the DDL requests a minute, and again once the window passed', async () => {
    let now = 1_000_000;
    const service = await install({ dmlPerSecond: 3, ddlPerMinute: 1 }, () => now);
    for (let i = 0; i < 3; i += 1) await sql.executeRaw('SELECT 1');
    expect(await refusedWith(sql.executeRaw('SELECT 1'))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', status: 429, message: expect.stringContaining('3 DML requests a second') });
    now += 1_000;
    await expect(sql.executeRaw('SELECT 1')).resolves.toBeDefined();
    await sql.executeDDL('CREATE TABLE t1 (id INT PRIMARY KEY)');
    expect(await refusedWith(sql.executeDDL('CREATE TABLE t2 (id INT PRIMARY KEY)'))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', message: expect.stringContaining('1 DDL requests a minute') });
    now += 60_000;
    await expect(sql.executeDDL('CREATE TABLE t2 (id INT PRIMARY KEY)')).resolves.toBeDefined();
    await service.close();
  });

  it('answers 429 once the minute’s query time is spent', async () => {
    const service = await install({ queryMsPerMinute: 150 });
    await sql.executeRaw('SELECT SLEEP(0.2)');
    expect(await refusedWith(sql.executeRaw('SELECT 1'))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', message: expect.stringContaining('0.15 s of query time a minute') });
    await service.close();
  });

  it('refuses writes past the stored-data quota and tables past the table count', async () => {
    const service = await install({ storedBytes: 40_000, tables: 2 });
    await sql.executeDDL('CREATE TABLE a (id INT PRIMARY KEY, pad MEDIUMTEXT)');
    await sql.executeDDL('CREATE TABLE b (id INT PRIMARY KEY)');
    expect(await refusedWith(sql.executeDDL('CREATE TABLE c (id INT PRIMARY KEY)'))).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: expect.stringContaining('2 tables') });
    // Two empty InnoDB tables already take 32 KB; a large row takes the rest, then writes stop.
    await sql.prepare('INSERT INTO a (id, pad) VALUES (1, ?)').bindParams('z'.repeat(200_000)).execute();
    expect(await refusedWith(sql.executeRaw('INSERT INTO b (id) VALUES (1)'))).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: expect.stringContaining("Forge SQL's limit of 40000") });
    // Deleting is what frees space, so it is never refused.
    await expect(sql.executeRaw('DELETE FROM a')).resolves.toBeDefined();
    await service.close();
  });

  it('counts many small rows toward the quota as they are written, as Forge does', async () => {
    const service = await install({ storedBytes: 2 * 1024 * 1024 });
    await sql.executeDDL('CREATE TABLE issue_row (id INT PRIMARY KEY, doc TEXT NOT NULL)');
    const row = 'd'.repeat(700);
    let written = 0;
    const insertBatch = () => sql.prepare(`INSERT INTO issue_row (id, doc) VALUES ${Array.from({ length: 500 }, () => '(?, ?)').join(', ')}`).bindParams(...Array.from({ length: 500 }, (_, i) => [written + i, row]).flat()).execute();
    // 2 MiB holds about 3,000 rows of 700 bytes: the quota must stop the writes well before 20,000.
    let refusal: { code: string; message: string } | null = null;
    while (written < 20_000 && refusal === null) {
      refusal = await insertBatch().then(
        () => null,
        (error: unknown) => (error instanceof ForgeSQLAPIError ? { code: error.code, message: error.message } : Promise.reject(error)),
      );
      if (refusal === null) written += 500;
    }
    expect(refusal).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: expect.stringContaining("Forge SQL's limit of 2097152") });
    expect(written).toBeGreaterThanOrEqual(2_000);
    expect(written).toBeLessThan(6_000);
    expect(await service.storedBytes()).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    await service.close();
  });

  it('answers APP_NOT_ENABLED when the app has no local SQL', async () => {
    const toSql = sqlFetch(null);
    Object.assign(globalThis, { __forge_fetch__: (_target: unknown, url: string, init?: RequestInit) => toSql(url, init) });
    expect(await refusedWith(sql.executeRaw('SELECT 1'))).toMatchObject({ code: 'APP_NOT_ENABLED' });
  });
});
