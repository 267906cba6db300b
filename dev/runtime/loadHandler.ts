import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { readManifest, type FunctionModule } from './manifest';

/** Forge's function handler: `handler(event, context)`; for a resolver, `handler({ call, context }, backendRuntimePayload)`. */
export type ForgeFunctionHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** Where a manifest `handler: index.handler` points: file `src/index.ts` and export `handler`. */
export function handlerSource(appRoot: string, handler: string): { sourceFile: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { sourceFile: path.join(appRoot, 'src', `${handler.slice(0, dot)}.ts`), exportName: handler.slice(dot + 1) };
}

/** Where the manifest's function `functionKey` points. */
export function resolveHandlerRef(manifestPath: string, functionKey: string): { sourceFile: string; exportName: string } {
  const fn = readManifest(manifestPath).functions.find((f) => f.key === functionKey);
  if (!fn) throw new Error(`manifest.yml has no function with key '${functionKey}'`);
  return handlerSource(path.dirname(manifestPath), fn.handler);
}

let bundles = 0;

/**
 * Bundles one source file as Forge would (the app's own code in, packages left as installed, so the real
 * @forge/* packages run) and loads it. The bundle gets a name of its own, so runtimes started at the same time
 * (jest workers) never read each other's half-written output, and is removed once loaded.
 */
async function loadBundle(sourceFile: string, outDir: string): Promise<Record<string, unknown>> {
  const outfile = path.join(outDir, `${path.basename(sourceFile, '.ts')}-${process.pid}-${++bundles}.js`);
  await build({ entryPoints: [sourceFile], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'silent' });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(outfile);
    return loaded as Record<string, unknown>;
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Loads every function the manifest declares, bundling each source file once. */
export async function loadFunctions(appRoot: string, functions: readonly FunctionModule[], outDir: string): Promise<Map<string, ForgeFunctionHandler>> {
  const modules = new Map<string, Promise<Record<string, unknown>>>();
  const handlers = new Map<string, ForgeFunctionHandler>();
  for (const fn of functions) {
    const { sourceFile, exportName } = handlerSource(appRoot, fn.handler);
    let loading = modules.get(sourceFile);
    if (!loading) {
      loading = loadBundle(sourceFile, outDir);
      modules.set(sourceFile, loading);
    }
    const handler = (await loading)[exportName];
    if (typeof handler !== 'function') throw new Error(`${sourceFile} does not export a function '${exportName}' (manifest function '${fn.key}')`);
    handlers.set(fn.key, handler as ForgeFunctionHandler);
  }
  return handlers;
}

/** Loads the handler of one manifest function. */
export async function loadHandler(manifestPath: string, functionKey: string, outDir: string): Promise<ForgeFunctionHandler> {
  const fn = readManifest(manifestPath).functions.find((f) => f.key === functionKey);
  if (!fn) throw new Error(`manifest.yml has no function with key '${functionKey}'`);
  const handler = (await loadFunctions(path.dirname(manifestPath), [fn], outDir)).get(functionKey);
  if (!handler) throw new Error(`manifest.yml function '${functionKey}' did not load`);
  return handler;
}
