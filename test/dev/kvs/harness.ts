/**
 * Routes the real @forge/kvs package to a LocalKvsStore. Import this module BEFORE '@forge/kvs': the package
 * picks its fetch client when it is first loaded (out/index.js getFetchClient), and jest gives every test file a
 * fresh module registry, so each test file gets a fresh package instance bound to this router.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { kvsFetch, LocalKvsStore, type KvsStoreOptions } from '../../../dev/runtime/kvs';
import { sqlFetch, type ForgeSqlLimits, type LocalForgeSql } from '../../../dev/runtime/sql';
import { freshSqlInstallation } from '../../../dev/sql/processServer';
import { forgetSchemaChecks } from '../../../src/storage/sql/schema';

interface ForgeFetchTarget {
  type: string;
}
type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: { body?: unknown }) => Promise<Response>;

let current: LocalKvsStore | undefined;
let currentSql: LocalForgeSql | null = null;
/** Every request the package sent, in order. */
export const requests: Array<{ target: ForgeFetchTarget; path: string }> = [];

const forgeFetch: ForgeFetch = async (target, p, init) => {
  requests.push({ target, path: p });
  if (target.type === 'sql') return sqlFetch(currentSql)(p, init as RequestInit);
  if (target.type !== 'kvs') throw new Error(`harness only serves kvs and sql, got ${target.type}`);
  if (current === undefined) throw new Error('no LocalKvsStore installed; call useStore() first');
  return kvsFetch(current)(p, init);
};

const globals = globalThis as unknown as { __forge_fetch__?: ForgeFetch; __forge_runtime__?: unknown };
delete globals.__forge_runtime__;
globals.__forge_fetch__ = forgeFetch;

const dirs: string[] = [];

/** A fresh, empty temp directory (removed after the test file). */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'forge-local-kvs-'));
  dirs.push(dir);
  return dir;
}

/** A controllable clock in epoch ms. */
export class FakeClock {
  constructor(public ms = Date.UTC(2025, 0, 1, 12, 0, 0)) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Creates a store (on a new temp file unless `file` is given) and makes the package talk to it. */
export function useStore(opts: Partial<KvsStoreOptions> & { file?: string } = {}): { store: LocalKvsStore; file: string } {
  const file = opts.file ?? path.join(tempDir(), 'kvs.json');
  const store = new LocalKvsStore({ ...opts, file });
  current = store;
  return { store, file };
}

/** Creates a memory-only store (no file at all) and makes the package talk to it. */
export function useMemoryStore(opts: Omit<Partial<KvsStoreOptions>, 'file'> = {}): LocalKvsStore {
  const store = new LocalKvsStore({ ...opts, file: null });
  current = store;
  return store;
}

const opened: LocalForgeSql[] = [];

/** A new, empty Forge SQL installation (on this process's MariaDB) that @forge/sql now talks to. */
export async function useSql(limits: Partial<ForgeSqlLimits> = {}): Promise<LocalForgeSql> {
  currentSql = await freshSqlInstallation(limits);
  forgetSchemaChecks(); // a new database outside any invocation: its schema is not there yet
  opened.push(currentSql);
  return currentSql;
}

afterAll(async () => {
  for (const sql of opened.splice(0)) await sql.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
