import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Forge's function handler: `handler({ call, context }, backendRuntimePayload)`. */
export type ForgeFunctionHandler = (event: unknown, backendRuntimePayload: unknown) => Promise<unknown>;

const manifestSchema = z.object({
  modules: z.object({ function: z.array(z.object({ key: z.string(), handler: z.string() })) }).loose(),
}).loose();

/** Where the manifest's `handler: index.handler` points: file `src/index` and export `handler`. */
export function resolveHandlerRef(manifestPath: string, functionKey: string): { sourceFile: string; exportName: string } {
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const fn = manifest.modules.function.find((f) => f.key === functionKey);
  if (!fn) throw new Error(`manifest.yml has no function with key '${functionKey}'`);
  const dot = fn.handler.lastIndexOf('.');
  const modulePath = fn.handler.slice(0, dot);
  const exportName = fn.handler.slice(dot + 1);
  return { sourceFile: path.join(path.dirname(manifestPath), 'src', `${modulePath}.ts`), exportName };
}

/**
 * Bundles the app's backend as Forge would (its own code in, packages left as they are installed,
 * so the real @forge/* packages run) and loads the handler the manifest names.
 */
export async function loadHandler(manifestPath: string, functionKey: string, outDir: string): Promise<ForgeFunctionHandler> {
  const { sourceFile, exportName } = resolveHandlerRef(manifestPath, functionKey);
  const outfile = path.join(outDir, `${functionKey}.js`);
  await build({ entryPoints: [sourceFile], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'silent' });
  delete require.cache[require.resolve(outfile)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded: unknown = require(outfile);
  const handler = (loaded as Record<string, unknown>)[exportName];
  if (typeof handler !== 'function') throw new Error(`${sourceFile} does not export a function '${exportName}'`);
  return handler as ForgeFunctionHandler;
}
