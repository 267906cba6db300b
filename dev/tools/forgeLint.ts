import { mkdtempSync, readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/** Atlassian's Jira OpenAPI description, provided beside the project. */
export const JIRA_OPENAPI = path.resolve(__dirname, '..', '..', '..', 'shared', 'jira', 'jira-platform-openapi.v3.json');

export interface ForgeLintProblem {
  file: string;
  line: number;
  message: string;
  level: 'error' | 'warning';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Points @forge/lint's permission linter at local OpenAPI files, so it runs with no network. */
function useLocalSwagger(): void {
  if (!existsSync(JIRA_OPENAPI)) throw new Error(`forge lint needs Jira's OpenAPI description at ${JIRA_OPENAPI} (the project's ../shared/ folder)`);
  const empty = path.join(mkdtempSync(path.join(tmpdir(), 'forge-lint-')), 'empty.json');
  writeFileSync(empty, '{"paths":{}}');
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: JIRA_OPENAPI,
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_JSW_SWAGGER: empty,
    LOCAL_CONF_SWAGGER: empty,
    LOCAL_CONF_V2_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  });
}

/**
 * Runs `forge lint`'s own client-side checks (manifest, handlers, scopes each requestJira needs)
 * on the app's backend, offline. `manifestOverride` lets a test lint a variant of the manifest.
 */
export async function runForgeLint(appRoot: string, manifestOverride?: unknown): Promise<ForgeLintProblem[]> {
  useLocalSwagger();
  const { lint } = await import('@forge/lint');
  const manifest = manifestOverride ?? parse(readFileSync(path.join(appRoot, 'manifest.yml'), 'utf8'));
  const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined, trace: () => undefined };
  const statsig = { getDeprecatedRuntimes: async () => [] };
  const cwd = process.cwd();
  process.chdir(appRoot);
  try {
    // @forge/lint's own types describe a richer logger and service than the client-side path uses.
    // Relative paths: the linter resolves each against the working directory and matches tsconfig's include.
    const files = sourceFiles(path.join(appRoot, 'src')).map((f) => path.relative(appRoot, f));
    const results = await lint(files, manifest as never, 'development', silent as never, statsig as never, { linter: { mode: 'client-side' } });
    return results.flatMap((result) => [
      ...result.errors.map((e) => ({ file: result.file, line: e.line, message: e.message, level: 'error' as const })),
      ...result.warnings.map((w) => ({ file: result.file, line: w.line, message: w.message, level: 'warning' as const })),
    ]);
  } finally {
    process.chdir(cwd);
  }
}

if (require.main === module) {
  runForgeLint(path.resolve(__dirname, '..', '..')).then((problems) => {
    for (const p of problems) console.log(`${p.level}: ${p.file}:${p.line} ${p.message}`);
    const errors = problems.filter((p) => p.level === 'error').length;
    console.log(errors ? `forge lint: ${errors} error(s)` : 'forge lint: no errors');
    process.exit(errors ? 1 : 0);
  });
}
