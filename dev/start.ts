import { generateDemoSite, DEMO_USERS } from './demo/generate';
import path from 'node:path';
import { startLocalPlatform } from './platform';
import { LocalForgeSql } from './runtime/sql';
import { startMariadb } from './sql/mariadb';
import type { InvocationReport } from './runtime/runtime';

/** One line per invocation: resolvers by caller; triggers, schedules and consumers by kind and module. */
function describeInvocation(r: InvocationReport): string {
  const outcome = `${r.outcome} in ${r.durationMs} ms, ${r.jiraRequests} Jira requests, ${r.kvsRequests} KVS requests (${r.kvsReadUnits} read / ${r.kvsWriteUnits} write units), ${r.sqlRequests} SQL requests (${r.sqlQueryMs} ms, ${Math.ceil(r.sqlResponseBytes / 1024)} KB read)${r.error ? ` (${r.error})` : ''}`;
  if (r.kind === 'resolver') return `[forge] ${r.functionKey} as ${r.accountId ?? 'anonymous'}: ${outcome}`;
  return `[forge] ${r.kind} ${r.functionKey} (${r.moduleKey}): ${outcome}`;
}

/** `npm start`: the app on the demo transformation, with every piece on 127.0.0.1. */
async function main(): Promise<void> {
  const site = generateDemoSite({ seed: 42 });
  // Forge SQL's data lives beside the local KVS file, so a restart keeps both the snapshot's head and its rows.
  const server = await startMariadb({ dataDir: path.resolve(__dirname, '..', '.local', 'mariadb') });
  const sql = await LocalForgeSql.open(server, { database: 'install_local' });
  const platform = await startLocalPlatform({
    sql,
    site,
    appAccountId: DEMO_USERS.app,
    switcherAccountIds: [DEMO_USERS.admin, DEMO_USERS.teamMember, DEMO_USERS.limited],
    hostPort: Number(process.env.PORT ?? 8000),
    scheduledTriggers: true,
    logInvocations: (r) => console.log(describeInvocation(r)),
  });
  console.log(`Jira emulator: ${platform.emulator.url} (${site.issues.length} issues in ${site.projects.length} projects)`);
  // The app builds what it keeps (its snapshot) when it is installed, as on a real site.
  await platform.install();
  console.log(`\nTransformation Office is running. Open ${platform.host.url}/\n`);
  const stop = () =>
    void platform
      .close()
      .then(() => sql.close())
      .then(() => server.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
