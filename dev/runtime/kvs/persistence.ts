/**
 * On-disk form of the local KVS: one JSON file, replaced atomically.
 *
 * A write goes to a fresh temp file next to the target (same directory, so same filesystem), is fsync'd, then
 * `rename`d over the target. rename(2) within a filesystem is atomic, so a reader or a crash at any point sees
 * either the complete previous file or the complete new one, never a torn file. A crash can leave a stray
 * `<file>.<pid>-<n>.tmp` behind; it is never read.
 */
import { mkdirSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { z } from 'zod';

import { isPlainObject, type JsonValue } from './validation';

export interface StoredItem {
  value: JsonValue;
  /** Epoch seconds (the unit the @forge/kvs tests use for createdAt/updatedAt). */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds when the item's TTL runs out; absent when it never expires. */
  expiresAt?: number;
}

/** In-memory state. Maps, so that keys such as `__proto__` (legal Forge keys) are plain data. */
export interface StoreState {
  kvs: Map<string, StoredItem>;
  secrets: Map<string, StoredItem>;
  entities: Map<string, Map<string, StoredItem>>;
}

export function emptyState(): StoreState {
  return { kvs: new Map(), secrets: new Map(), entities: new Map() };
}

export function cloneState(state: StoreState): StoreState {
  // Values are never mutated in place (every write stores a fresh item), so copying the maps is enough.
  return {
    kvs: new Map(state.kvs),
    secrets: new Map(state.secrets),
    entities: new Map([...state.entities].map(([name, items]) => [name, new Map(items)])),
  };
}

const StoredItemSchema = z.object({
  value: z.custom<JsonValue>((v) => v !== undefined),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number().optional(),
});
/** Containers are checked by hand, not with z.record: that would re-assign keys such as '__proto__'. */
const FileSchema = z.object({
  format: z.literal('forge-local-kvs'),
  version: z.literal(1),
  kvs: z.custom<Record<string, unknown>>(isPlainObject),
  secrets: z.custom<Record<string, unknown>>(isPlainObject),
  entities: z.custom<Record<string, unknown>>(isPlainObject),
});

function itemsFromFile(raw: unknown, where: string): Map<string, StoredItem> {
  if (!isPlainObject(raw)) throw new Error(`${where} is not an object`);
  const items = new Map<string, StoredItem>();
  for (const [key, value] of Object.entries(raw)) {
    const parsed = StoredItemSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${where}[${JSON.stringify(key)}]: ${parsed.error.message}`);
    const { value: v, createdAt, updatedAt, expiresAt } = parsed.data;
    const item: StoredItem = { value: v, createdAt, updatedAt };
    if (expiresAt !== undefined) item.expiresAt = expiresAt;
    items.set(key, item);
  }
  return items;
}

/**
 * Each stored item's JSON, computed once: items are never mutated (a write stores a fresh item), so a snapshot
 * of a large store costs string concatenation, not a JSON.stringify of every value on every write.
 */
const itemJson = new WeakMap<StoredItem, string>();

function jsonOf(item: StoredItem): string {
  let json = itemJson.get(item);
  if (json === undefined) {
    const { value, createdAt, updatedAt, expiresAt } = item;
    json = JSON.stringify(expiresAt === undefined ? { value, createdAt, updatedAt } : { value, createdAt, updatedAt, expiresAt });
    itemJson.set(item, json);
  }
  return json;
}

// Keys are written with JSON.stringify, so '__proto__' stays a normal key in the file (JSON.parse reads it as one).
function itemsJson(items: Map<string, StoredItem>): string {
  if (items.size === 0) return '{}';
  const lines: string[] = [];
  for (const [key, item] of items) lines.push(`${JSON.stringify(key)}:${jsonOf(item)}`);
  return `{\n${lines.join(',\n')}\n}`;
}

/** The file's text: one item per line, so a large store stays readable and diffable. */
export function serialiseState(state: StoreState): string {
  const entities = [...state.entities].map(([name, items]) => `${JSON.stringify(name)}:${itemsJson(items)}`);
  return (
    `{"format":"forge-local-kvs","version":1,\n` +
    `"kvs":${itemsJson(state.kvs)},\n` +
    `"secrets":${itemsJson(state.secrets)},\n` +
    `"entities":{${entities.join(',\n')}}}\n`
  );
}

/** Reads the store file; a missing file (or none, for a memory-only store) is an empty store, a malformed one an error. */
export async function loadState(file: string | null): Promise<StoreState> {
  if (file === null) return emptyState();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Local KVS file ${file} is not valid JSON; refusing to overwrite it`);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Local KVS file ${file} has an unexpected shape: ${parsed.error.message}`);
  }
  try {
    return {
      kvs: itemsFromFile(parsed.data.kvs, 'kvs'),
      secrets: itemsFromFile(parsed.data.secrets, 'secrets'),
      entities: new Map(
        Object.entries(parsed.data.entities).map(([name, items]) => [name, itemsFromFile(items, `entities.${name}`)]),
      ),
    };
  } catch (e) {
    throw new Error(`Local KVS file ${file} has an unexpected shape: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Thrown by a write that `failNextWrites` made fail. */
export class SimulatedWriteFailure extends Error {
  constructor() {
    super('Simulated write failure (LocalKvsStore.failNextWrites)');
    this.name = 'SimulatedWriteFailure';
  }
}

let tempCounter = 0;

const tempName = (file: string): string => `${file}.${process.pid}-${++tempCounter}.tmp`;

/**
 * Writes `content` to `file` atomically. With `simulateCrash`, only half the content reaches the temp file and
 * the write is abandoned before the rename, as a crash mid-write would leave it.
 */
export async function writeFileAtomic(file: string, content: string, simulateCrash = false): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = tempName(file);
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      if (simulateCrash) {
        await handle.writeFile(content.slice(0, Math.floor(content.length / 2)), 'utf8');
        throw new SimulatedWriteFailure();
      }
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  // Make the rename itself durable where the platform allows fsync on a directory.
  try {
    const dirHandle = await fs.open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    // Not supported everywhere (e.g. Windows); the rename is still atomic.
  }
}

/** The same replace-by-rename, synchronously: for the last write of a process that is exiting. */
export function writeFileAtomicSync(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempName(file);
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
