/**
 * Writes the demo site as JSON:
 *   npx tsx dev/demo/main.ts [--seed 42] [--anchor yyyy-mm-dd] [--scale 1] [--out .local/demo-site.json | -]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { generateDemoSite, type DemoOptions } from './generate';
import { writeSiteJson } from './serialize';

export interface CliOptions extends DemoOptions {
  /** A file path, or '-' for stdout. */
  out: string;
}

export const DEFAULT_OUT = '.local/demo-site.json';

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    const number = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`${name} needs a number, got "${v}"`);
      return n;
    };
    switch (name) {
      case '--seed':
        options.seed = number();
        break;
      case '--anchor':
        options.anchorDate = value();
        break;
      case '--scale':
        options.scale = number();
        break;
      case '--out':
        options.out = value();
        break;
      default:
        throw new Error(`Unknown argument "${arg}". Usage: main.ts [--seed N] [--anchor yyyy-mm-dd] [--scale N] [--out path|-]`);
    }
  }
  return options;
}

export function run(argv: readonly string[]): void {
  const { out, ...demo } = parseArgs(argv);
  const started = performance.now();
  const site = generateDemoSite(demo);
  const generatedMs = performance.now() - started;
  const fd = out === '-' ? 1 : (mkdirSync(path.dirname(path.resolve(out)), { recursive: true }), openSync(out, 'w'));
  try {
    writeSiteJson(site, (chunk) => {
      writeSync(fd, chunk);
    });
  } finally {
    if (fd !== 1) closeSync(fd);
  }
  const totalMs = performance.now() - started;
  process.stderr.write(`Demo site: ${site.issues.length} issues in ${site.projects.length} projects (generated in ${Math.round(generatedMs)} ms, written in ${Math.round(totalMs - generatedMs)} ms) → ${out === '-' ? 'stdout' : out}\n`);
}

if (require.main === module) {
  try {
    run(process.argv.slice(2));
  } catch (error: unknown) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
