import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

/** Debian's MariaDB server binaries: the local stand-in for Forge SQL's MySQL-compatible database (TiDB on Forge). */
const SERVER = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
export const MARIADB_PACKAGE = 'mariadb-server-core';

export interface LocalMariadb {
  /** Unix socket only: the server listens on no TCP port, so nothing else on the machine can reach it by network. */
  socketPath: string;
  dataDir: string;
  /** A connection as root, for creating each installation's database. */
  connect(database?: string): Promise<Connection>;
  close(): Promise<void>;
  /** Stops the server at once, for a process that is exiting and cannot wait. */
  kill(): void;
}

export function mariadbInstalled(): boolean {
  return existsSync(SERVER) && existsSync(INSTALL_DB);
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Creates the system tables once per data folder. */
function initialise(dataDir: string): void {
  if (existsSync(path.join(dataDir, 'mysql'))) return;
  mkdirSync(dataDir, { recursive: true });
  const args = ['--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...(asRoot ? ['--user=root'] : [])];
  const run = spawnSync(INSTALL_DB, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`mariadb-install-db failed (${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`);
}

async function waitForSocket(socketPath: string, server: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`mariadbd stopped while starting (exit ${server.exitCode})`);
    try {
      const connection = await createConnection({ socketPath, user: 'root' });
      await connection.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`mariadbd did not accept connections within 60 s: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A server another process started, reached through its socket: closing or killing it is that process's business. */
export function attachMariadb(socketPath: string): LocalMariadb {
  return {
    socketPath,
    dataDir: '',
    connect: (database?: string) => createConnection({ socketPath, user: 'root', ...(database ? { database } : {}) }),
    close: async () => undefined,
    kill: () => undefined,
  };
}

/**
 * Starts a private MariaDB server on a data folder of its own (created on first use), reachable only through a
 * Unix socket. The project installs the Debian package itself (dev/ensureInstalled.js); this says so when it is missing.
 */
export async function startMariadb(options: { dataDir: string }): Promise<LocalMariadb> {
  if (!mariadbInstalled()) throw new Error(`Forge SQL runs locally on MariaDB, which is not installed: apt-get install ${MARIADB_PACKAGE}`);
  const dataDir = path.resolve(options.dataDir);
  initialise(dataDir);
  // A socket path must stay under ~100 characters, so it lives in a short temporary folder, not in the data folder.
  const socketPath = path.join(mkdtempSync(path.join(tmpdir(), 'to-sql-')), 'mariadb.sock');
  const server = spawn(
    SERVER,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socketPath}`,
      `--pid-file=${socketPath}.pid`,
      '--skip-networking',
      `--log-error=${path.join(dataDir, 'error.log')}`,
      '--innodb-buffer-pool-size=64M',
      '--skip-log-bin',
      ...(asRoot ? ['--user=root'] : []),
    ],
    { stdio: 'ignore' },
  );
  await waitForSocket(socketPath, server, Date.now() + 60_000);
  // The server never keeps its owner's process alive; whoever started it stops it (close, or kill at exit).
  server.unref();
  // The socket's folder goes with the server, so no run leaves folders behind in the temporary directory.
  const stopped = new Promise<void>((resolve) => server.once('exit', () => resolve())).then(() => rmSync(path.dirname(socketPath), { recursive: true, force: true }));
  return {
    socketPath,
    dataDir,
    connect: (database?: string) => createConnection({ socketPath, user: 'root', ...(database ? { database } : {}) }),
    async close() {
      if (server.exitCode !== null) return;
      server.ref(); // the process waits for the server it stops
      server.kill('SIGTERM');
      await stopped;
    },
    kill() {
      if (server.exitCode === null) server.kill('SIGKILL');
    },
  };
}
