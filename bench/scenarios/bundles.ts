/**
 * Each page's JavaScript, gzipped. A separate Vite build of the Custom UI with a manifest (into a temporary folder)
 * gives the chunk graph; a page costs its entry chunk, the page chunk it lazily imports, their static imports,
 * and any app-code chunk those lazily import (panels). Library chunks loaded only on demand (e.g. other themes)
 * are listed apart. As a cross-check, the render step sums the JavaScript Chromium actually fetched for the global page.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { gzipBytes } from '../measure';
import { APP_ROOT } from './portfolio';

const run = promisify(execFile);

const manifestSchema = z.record(
  z.string(),
  z.object({ file: z.string(), isEntry: z.boolean().optional(), imports: z.array(z.string()).optional(), dynamicImports: z.array(z.string()).optional() }),
);
type ViteManifest = z.infer<typeof manifestSchema>;

export const PAGES = [
  { name: 'global / project page', lazy: 'src/pages/TransformationPage.tsx' },
  { name: 'admin page', lazy: 'src/pages/SettingsPage.tsx' },
] as const;

export interface PageBundle {
  page: string;
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

export interface BundleFigures {
  pages: PageBundle[];
  /** Library chunks loaded only on demand and not counted above, gzipped in total. */
  onDemandGzipBytes: number;
  /** The JavaScript Chromium fetched for the global page (from static/build); null when the browser step did not run. */
  fetchedByChromium: PageBundle | null;
}

const STATIC_BUILD = path.join(APP_ROOT, 'static', 'build');

/** The page host serves static/build: build it if it is missing (a clean clone). */
export async function ensureStaticBuild(): Promise<void> {
  if (existsSync(path.join(STATIC_BUILD, 'index.html'))) return;
  await run('npm', ['run', 'build:ui'], { cwd: APP_ROOT, timeout: 180_000 });
}

const isAppCode = (key: string) => key.startsWith('src/');

/**
 * The chunks `key` needs: itself and its static imports, and (`lazy`) the app-code chunks it lazily imports.
 * The entry is walked first without `lazy`, so that a page does not count the other pages the entry could load.
 */
function closure(manifest: ViteManifest, key: string, seen: Set<string>, lazy: boolean): void {
  if (seen.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The Vite manifest has no chunk ${key}`);
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(manifest, dep, seen, lazy);
  if (lazy) for (const dep of chunk.dynamicImports ?? []) if (isAppCode(dep)) closure(manifest, dep, seen, lazy);
}

function sizeOf(page: string, dir: string, files: string[]): PageBundle {
  const contents = files.map((f) => readFileSync(path.join(dir, f)));
  return { page, files, gzipBytes: contents.reduce((s, c) => s + gzipBytes(c), 0), rawBytes: contents.reduce((s, c) => s + c.length, 0) };
}

export async function measureBundles(fetchedByChromium: PageBundle | null): Promise<BundleFigures> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'to-bench-vite-'));
  try {
    const vite = path.join(APP_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    await run(process.execPath, [vite, 'build', '--config', 'static/vite.config.mts', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: APP_ROOT, timeout: 180_000 });
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')));
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
    if (!entry) throw new Error('The Vite manifest has no entry');
    const counted = new Set<string>();
    const pages = PAGES.map(({ name, lazy }) => {
      const keys = new Set<string>();
      closure(manifest, entry, keys, false);
      closure(manifest, lazy, keys, true);
      keys.forEach((k) => counted.add(k));
      return sizeOf(name, outDir, [...keys].map((k) => manifest[k]?.file ?? k).filter((f) => f.endsWith('.js')));
    });
    const onDemand = Object.entries(manifest).filter(([k, c]) => !counted.has(k) && c.file.endsWith('.js')).map(([, c]) => c.file);
    return {
      pages,
      onDemandGzipBytes: sizeOf('on demand', outDir, onDemand).gzipBytes,
      fetchedByChromium,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
