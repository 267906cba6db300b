import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The parts of manifest.yml the local runtime acts on: functions, and the modules that invoke them without a
 * page (product `trigger`s, `scheduledTrigger`s and async event `consumer`s), plus which functions serve UIs.
 */

export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export const INTERVAL_MS: Record<ScheduleInterval, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

const key = z.string().regex(/^[a-zA-Z0-9_-]+$/);
const functionModule = z.object({ key, handler: z.string().regex(/^[^.]+(\.[^.]+)*\.[A-Za-z_$][\w$]*$/), timeoutSeconds: z.number().int().min(1).max(900).optional() }).loose();
// Modules pointing at a remote `endpoint` instead of a function are Forge Remote's business, not this runtime's.
const triggerModule = z.object({ key, function: z.string().optional(), events: z.array(z.string()).min(1) }).loose();
const scheduledTriggerModule = z.object({ key, function: z.string().optional(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) }).loose();
const consumerModule = z.object({ key, queue: z.string().regex(/^[a-zA-Z0-9-_]+$/), function: z.string() }).loose();

/** Forge's memory per function when the manifest names none (assumed; our manifest always names it). */
export const DEFAULT_MEMORY_MB = 512;

const manifestSchema = z
  .object({
    app: z.object({ runtime: z.object({ memoryMB: z.number().int().positive().optional() }).loose().optional() }).loose().optional(),
    modules: z
      .object({
        function: z.array(functionModule),
        trigger: z.array(triggerModule).optional(),
        scheduledTrigger: z.array(scheduledTriggerModule).optional(),
        consumer: z.array(consumerModule).optional(),
      })
      .loose(),
  })
  .loose();

export type FunctionModule = z.infer<typeof functionModule>;
export interface TriggerModule {
  key: string;
  function: string;
  events: string[];
}
export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: ScheduleInterval;
}
export type ConsumerModule = z.infer<typeof consumerModule>;

export interface AppManifest {
  functions: FunctionModule[];
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  consumers: ConsumerModule[];
  /** Page modules' `resolver.function`, by module key: those functions answer a UI and get the UI's limit. */
  resolvers: ReadonlyMap<string, string>;
  /** `app.runtime.memoryMB`: an invocation using more is stopped. */
  memoryMB: number;
}

const withFunction = <T extends { function?: string | undefined }>(modules: readonly T[] | undefined): (T & { function: string })[] =>
  (modules ?? []).filter((m): m is T & { function: string } => typeof m.function === 'string');

/** Every `resolver: { function }` in the other modules, by module key. */
function resolversOf(modules: Record<string, unknown>): Map<string, string> {
  const found = new Map<string, string>();
  const resolverRef = z.object({ key: z.string(), resolver: z.object({ function: z.string() }).loose() }).loose();
  for (const [type, list] of Object.entries(modules)) {
    if (type === 'function' || !Array.isArray(list)) continue;
    for (const module of list) {
      const parsed = resolverRef.safeParse(module);
      if (parsed.success) found.set(parsed.data.key, parsed.data.resolver.function);
    }
  }
  return found;
}

export function readManifest(manifestPath: string): AppManifest {
  const parsed = manifestSchema.safeParse(parse(readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) throw new Error(`${manifestPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { modules } = parsed.data;
  const manifest: AppManifest = {
    functions: modules.function,
    triggers: withFunction(modules.trigger).map(({ key: k, function: f, events }) => ({ key: k, function: f, events })),
    scheduledTriggers: withFunction(modules.scheduledTrigger).map(({ key: k, function: f, interval }) => ({ key: k, function: f, interval })),
    consumers: modules.consumer ?? [],
    resolvers: resolversOf(modules),
    memoryMB: parsed.data.app?.runtime?.memoryMB ?? DEFAULT_MEMORY_MB,
  };
  const known = new Set(manifest.functions.map((f) => f.key));
  for (const ref of [...manifest.triggers, ...manifest.scheduledTriggers, ...manifest.consumers]) {
    if (!known.has(ref.function)) throw new Error(`${manifestPath}: module '${ref.key}' names function '${ref.function}', which modules.function does not declare`);
  }
  return manifest;
}

/** Forge's documented invocation limits (developer.atlassian.com/platform/forge/limits-invocation). */
export const UI_LIMIT_MS = 25_000;
export const ASYNC_DEFAULT_LIMIT_MS = 55_000;
export const ASYNC_MAX_LIMIT_MS = 900_000;

/**
 * A function referenced only by consumer or scheduledTrigger modules runs up to its `timeoutSeconds` (default 55,
 * at most 900); any other (UI resolvers, product triggers) 25 s.
 */
export function limitClassOf(manifest: AppManifest, functionKey: string): { kind: 'async'; limitMs: number } | { kind: 'ui'; limitMs: number } {
  const asyncRefs = [...manifest.consumers, ...manifest.scheduledTriggers].some((m) => m.function === functionKey);
  const otherRefs = [...manifest.resolvers.values()].includes(functionKey) || manifest.triggers.some((t) => t.function === functionKey);
  if (!asyncRefs || otherRefs) return { kind: 'ui', limitMs: UI_LIMIT_MS };
  const seconds = manifest.functions.find((f) => f.key === functionKey)?.timeoutSeconds;
  return { kind: 'async', limitMs: Math.min(seconds === undefined ? ASYNC_DEFAULT_LIMIT_MS : seconds * 1000, ASYNC_MAX_LIMIT_MS) };
}
