import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { z } from 'zod';

const root = path.resolve(__dirname, '../../..');
const lockSchema = z.object({ packages: z.record(z.string(), z.looseObject({ hasInstallScript: z.boolean().optional(), optionalDependencies: z.record(z.string(), z.string()).optional() })) });
const packageSchema = z.object({ scripts: z.record(z.string(), z.string()) });

/**
 * Every package that ships an install script, and why the app works without running it. A fresh machine (Node and
 * npm only, no libsecret, only the npm registry) must install with `ignore-scripts`, so a new one needs a reason here.
 */
const SCRIPTS_NOT_NEEDED: Record<string, string> = {
  keytar: 'builds a native module against libsecret for @forge/cli-shared; the offline forge lint never loads it',
  esbuild: 'verifies its binary, which the optional @esbuild/<platform> package already ships',
  '@parcel/watcher': 'builds from source only when no prebuilt @parcel/watcher-<platform> package installed',
  'unrs-resolver': 'fetches its napi binding only when the optional @unrs/resolver-binding-<platform> package is missing',
  'iframe-resizer': 'prints an upgrade notice',
};

describe('a fresh machine installs with Node and npm alone', () => {
  const lock = lockSchema.parse(JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')));
  const scripts = packageSchema.parse(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))).scripts;

  it('the project installs without running package scripts (keytar would need libsecret-1-dev)', () => {
    const npmrc = readFileSync(path.join(root, '.npmrc'), 'utf8').split('\n').map((line) => line.trim());
    expect(npmrc).toContain('ignore-scripts=true');
  });

  it('every package with an install script is one whose script the app does not need', () => {
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([at]) => at.split('node_modules/').pop() ?? at);
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in SCRIPTS_NOT_NEEDED))).toEqual([]);
  });

  it('the packages whose binaries come prebuilt have them for this machine, so nothing had to be built', () => {
    // The same platform packages the skipped scripts would have looked for.
    expect(() => require.resolve(`@esbuild/${process.platform}-${process.arch}/package.json`)).not.toThrow();
    expect(transformSync('let answer: number = 42', { loader: 'ts' }).code).toBe('let answer = 42;\n');
  });

  it('start and test install what they need themselves, since npm runs no pre-scripts with scripts off', () => {
    // Both run Forge SQL on MariaDB; only the tests need Chromium.
    expect(scripts.start).toMatch(/^node dev\/ensureInstalled\.js --sql && /);
    expect(scripts.test).toMatch(/^node dev\/ensureInstalled\.js --chromium --sql && /);
    const hooks = Object.keys(scripts).filter((name) => /^(pre|post)/.test(name));
    expect(hooks).toEqual([]);
  });
});
