/**
 * Runs the Jira emulator from the command line:
 *
 *   npx tsx dev/emulator/main.ts [site.json] [--port 4321] [--host 127.0.0.1] [--latency 50] [--seed 7] [--anchor 2026-03-01]
 *
 * Without a site file it serves the demo site from dev/demo/generate.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startEmulator } from './index';
import type { SiteData } from './siteData';
import { siteDataSchema } from './siteSchema';

async function readSiteFile(file: string): Promise<SiteData> {
  const parsed = siteDataSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid site: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Loaded by path at run time so the emulator does not depend on the demo generator to build. */
async function generateDemo(seed: number | undefined, anchorDate: string | undefined): Promise<SiteData> {
  const modulePath = path.join(__dirname, '..', 'demo', 'generate');
  let loaded: unknown;
  try {
    loaded = await import(modulePath);
  } catch (error) {
    throw new Error(`No site file given and the demo generator could not be loaded from ${modulePath}: ${(error as Error).message}`);
  }
  const generate = (loaded as { generateDemoSite?: unknown }).generateDemoSite;
  if (typeof generate !== 'function') throw new Error(`${modulePath} does not export generateDemoSite`);
  const site: unknown = generate({ ...(seed === undefined ? {} : { seed }), ...(anchorDate === undefined ? {} : { anchorDate }) });
  return siteDataSchema.parse(site);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      seed: { type: 'string' },
      anchor: { type: 'string' },
    },
  });
  const file = positionals[0];
  const site = file ? await readSiteFile(file) : await generateDemo(values.seed === undefined ? undefined : Number(values.seed), values.anchor);
  const emulator = await startEmulator({
    site,
    port: values.port === undefined ? 0 : Number(values.port),
    ...(values.host ? { host: values.host } : {}),
    ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
  });
  console.log(`Jira emulator listening on ${emulator.url}`);
  console.log(`${site.projects.length} projects, ${site.issues.length} issues. Users (email:apiToken):`);
  for (const user of site.users) {
    const access = user.browseProjects === '*' ? 'all projects' : user.browseProjects.join(', ') || 'no projects';
    console.log(`  ${user.emailAddress}:${user.apiToken}  ${user.displayName}${user.isJiraAdmin ? ' (Jira admin)' : ''}, browses ${access}`);
  }
  for (const level of site.securityLevels ?? []) {
    const holders = site.issues.filter((i) => i.securityLevelId === level.id).map((i) => i.key);
    const members = level.memberAccountIds.map((id) => site.users.find((u) => u.accountId === id)?.displayName ?? id).join(', ');
    console.log(`Security level "${level.name}" (${level.id}) on ${holders.join(', ') || 'no issues'}: visible only to ${members || 'nobody'}`);
  }
  const first = site.users[0];
  if (first) console.log(`Try: curl -u '${first.emailAddress}:${first.apiToken}' ${emulator.url}/rest/api/3/myself`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
