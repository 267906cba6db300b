import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalForgeSql, type ForgeSqlLimits } from '../runtime/sql';
import { attachMariadb, startMariadb, type LocalMariadb } from './mariadb';

/** Set by a parent that already runs a server for its children (jest's global setup): they share it. */
export const SHARED_MARIADB_SOCKET = 'TO_MARIADB_SOCKET';

let shared: Promise<LocalMariadb> | null = null;
let installations = 0;

/**
 * One MariaDB server for this process, in a temporary folder removed when the process exits: every platform a test
 * file starts gets its own database on it (as every Forge installation has its own), without a server start each.
 */
export function processMariadb(): Promise<LocalMariadb> {
  if (shared) return shared;
  const socket = process.env[SHARED_MARIADB_SOCKET];
  if (socket) return (shared = Promise.resolve(attachMariadb(socket)));
  const dir = mkdtempSync(path.join(tmpdir(), 'to-mariadb-'));
  shared = startMariadb({ dataDir: path.join(dir, 'data') });
  shared.then(
    (server) =>
      process.once('exit', () => {
        server.kill();
        rmSync(dir, { recursive: true, force: true });
        rmSync(path.dirname(server.socketPath), { recursive: true, force: true });
      }),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return shared;
}

/** A new, empty installation database on this process's server. */
export async function freshSqlInstallation(limits: Partial<ForgeSqlLimits> = {}, now?: () => number): Promise<LocalForgeSql> {
  installations += 1;
  return LocalForgeSql.open(await processMariadb(), { database: `install_${process.pid}_${installations}`, limits, ...(now ? { now } : {}) });
}
