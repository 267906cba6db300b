/**
 * On-disk form of the local KVS: one JSON file, replaced atomically.
 *
 * A write goes to a fresh temp file next to the target (same directory, so same filesystem), is fsync'd, then
 * `rename`d over the target. rename(2) within a filesystem is atomic, so a reader or a crash at any point sees
 * either the complete previous file or the complete new one, never a torn file. A crash can leave a stray
 * `<file>.<pid>-<n>.tmp` behind; it is never read.
 */
import { promises as fs } from 'node:fs';
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

interface FileContent {
  format: 'forge-local-kvs';
  version: 1;
  kvs: Record<string, StoredItem>;
  secrets: Record<string, StoredItem>;
  entities: Record<string, Record<string, StoredItem>>;
}

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

// Object.fromEntries defines own data properties, so '__proto__' stays a normal key in the JSON.
const toRecord = (items: Map<string, StoredItem>): Record<string, StoredItem> => Object.fromEntries(items);

export function serialiseState(state: StoreState): string {
  const content: FileContent = {
    format: 'forge-local-kvs',
    version: 1,
    kvs: toRecord(state.kvs),
    secrets: toRecord(state.secrets),
    entities: Object.fromEntries([...state.entities].map(([name, items]) => [name, toRecord(items)])),
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** Reads the store file; a missing file is an empty store, an unreadable or malformed one is an error. */
export async function loadState(file: string): Promise<StoreState> {
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

/**
 * Writes `content` to `file` atomically. With `simulateCrash`, only half the content reaches the temp file and
 * the write is abandoned before the rename, as a crash mid-write would leave it.
 */
export async function writeFileAtomic(file: string, content: string, simulateCrash = false): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  tempCounter += 1;
  const temp = `${file}.${process.pid}-${tempCounter}.tmp`;
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
