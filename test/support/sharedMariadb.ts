import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mariadbInstalled, startMariadb } from '../../dev/sql/mariadb';
import { SHARED_MARIADB_SOCKET } from '../../dev/sql/processServer';

/** Where the setup leaves the data folder for the teardown: jest loads the two as separate modules. */
const SHARED_MARIADB_DIR = 'TO_MARIADB_DIR';

/**
 * One MariaDB server for the whole run: every test file's platform gets its own database on it (as every Forge
 * installation has its own), instead of each jest worker starting a server of its own and leaving it behind.
 */
export async function startSharedMariadb(): Promise<void> {
  // Without the server, only the tests that need Forge SQL fail, each with startMariadb's message on what to install.
  if (!mariadbInstalled()) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'to-mariadb-'));
  const server = await startMariadb({ dataDir: path.join(dir, 'data') });
  process.env[SHARED_MARIADB_SOCKET] = server.socketPath;
  process.env[SHARED_MARIADB_DIR] = dir;
}

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops the server by the pid it wrote beside its socket, waits for it to exit, then removes its folders. */
export async function stopSharedMariadb(): Promise<void> {
  const socket = process.env[SHARED_MARIADB_SOCKET];
  const dir = process.env[SHARED_MARIADB_DIR];
  if (!socket || !dir) return;
  const pid = Number(readFileSync(`${socket}.pid`, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && running(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; running(pid) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rmSync(path.dirname(socket), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
