/**
 * LocalKvsStore: answers the HTTP-ish requests the real `@forge/kvs` package sends through
 * `global.__forge_fetch__` (POST `/api/v1/...` with a JSON body), backed by one JSON file on disk, or by memory only.
 *
 * Concurrency: every request runs through one promise queue, so requests are applied one at a time in arrival
 * order (writes are serialised, and a read issued after a write sees it).
 * Atomicity: a mutating request works on a copy of the in-memory state. Write-through (the default): only after
 * the file has been replaced (temp file + rename, see persistence.ts) does the copy become the live state; if the
 * write fails, nothing changes, in memory or on disk. Coalesced (`writeDelayMs` > 0, see writeBehind.ts): the copy
 * becomes live at once and the file follows within `writeDelayMs`; a failure simulated by `failNextWrites` still
 * fails that request and leaves memory as it was, after first putting every earlier write on disk.
 */
import {
  checkConditionValues,
  compareScalars,
  compareTuples,
  decodeCursor,
  encodeCursor,
  matchesCondition,
  matchesFilters,
  normaliseFilters,
} from './conditions';
import { KvsError, KvsErrorCode, internalError, keyNotFound, type ForgeErrorBody } from './errors';
import {
  cloneState,
  loadState,
  serialiseState,
  SimulatedWriteFailure,
  writeFileAtomic,
  type StoredItem,
  type StoreState,
} from './persistence';
import {
  BatchDeleteRequestSchema,
  BatchGetRequestSchema,
  BatchSetRequestSchema,
  DeleteRequestSchema,
  EntityDeleteRequestSchema,
  EntityGetRequestSchema,
  EntityQueryRequestSchema,
  EntitySetRequestSchema,
  GetRequestSchema,
  parseBody,
  QueryRequestSchema,
  SetRequestSchema,
  TransactionRequestSchema,
  type EntityQueryRequest,
  type ExtendedSetOptions,
  type Filters,
  type MetadataField,
  type QueryRequest,
  type TransactionRequest,
  type Ttl,
} from './schemas';
import {
  resolveIndexes,
  validateEntityName,
  validateEntityValue,
  validateKey,
  validateValue,
  type EntityDefinition,
  type JsonObject,
  type JsonValue,
  type KeySpace,
  type ResolvedIndex,
} from './validation';
import { WriteBehind } from './writeBehind';
import { byteLength, KvsMeter, type KvsResponse, type MeteredResponse } from './metering';
import { FORGE_KVS_QUOTA, type KvsQuotaLimits } from './quota';

export type { KvsResponse, MeteredResponse } from './metering';

export interface KvsStoreOptions {
  /** JSON file persisted on disk (created on first write; parent directories too), or null to keep it in memory only. */
  file: string | null;
  /**
   * 0 (the default): every mutating request is on disk before it is answered. More: writes are answered from
   * memory and the file is rewritten at most once per this many ms, on flush()/close(), and when the process exits.
   */
  writeDelayMs?: number;
  /**
   * Custom entity definitions in the manifest's `app.storage.entities` shape. When given, entity names, attribute
   * types and index names are checked against them like Forge does after a deploy. When omitted, any entity name
   * is accepted, any object is a valid value, and an index named `x` is an index with range `[x]` and no partition.
   */
  entities?: readonly EntityDefinition[];
  /** Clock in epoch milliseconds (TTL, createdAt/updatedAt and the quota's windows); defaults to Date.now. */
  now?: () => number;
  /** Forge's per-installation limits (quota.ts), FORGE_KVS_QUOTA unless overridden; a test that needs more raises one here. */
  quota?: Partial<KvsQuotaLimits>;
  /** Each request waits this long before it is served, outside the queue (a network round trip); default 0. */
  latencyMs?: number;
}

/** Documented limits (see README.md for sources). */
export const QUERY_DEFAULT_LIMIT = 10;
/** kvs.query(): "Limit the result size to 10 values, up to a maximum of 20" (forge/runtime-reference/storage-api-query). */
export const KVS_QUERY_MAX_LIMIT = 20;
/** Entity queries: "The page limit must be set between 1 and 100" (storage-reference/handling-errors-customentities). */
export const ENTITY_QUERY_MAX_LIMIT = 100;
export const BATCH_MAX_ITEMS = 25;
export const TRANSACTION_MAX_OPERATIONS = 25;

const TTL_UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

interface ItemOut {
  key: string;
  value: JsonValue;
  entityName?: string;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

interface BatchItemError {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

interface BatchItemSuccess {
  key: string;
  entityName?: string;
}

const ALL_METADATA: readonly MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

function itemOut(key: string, item: StoredItem, fields: readonly MetadataField[] | undefined): ItemOut {
  const out: ItemOut = { key, value: item.value };
  if (fields?.includes('CREATED_AT')) out.createdAt = item.createdAt;
  if (fields?.includes('UPDATED_AT')) out.updatedAt = item.updatedAt;
  if (fields?.includes('EXPIRE_TIME') && item.expiresAt !== undefined) {
    out.expireTime = new Date(item.expiresAt).toISOString();
  }
  return out;
}

const withEntity = <T extends object>(base: T, entityName: string | undefined): T & { entityName?: string } =>
  entityName === undefined ? base : { ...base, entityName };

const ok = (body: unknown): KvsResponse => ({ status: 200, body });
const noContent = (): KvsResponse => ({ status: 204, body: undefined });

const badRequest = (message: string, context?: Record<string, unknown>): KvsError =>
  new KvsError(KvsErrorCode.BAD_REQUEST, message, context);

/** Items with an entityName live in the Custom Entity Store, the others are plain KVS keys. */
const spaceOf = (entityName: string | undefined): KeySpace => (entityName === undefined ? 'kvs' : 'entity');

interface TxOperation {
  op: 'set' | 'delete' | 'check';
  index: number;
  key: string;
  entityName: string | undefined;
  conditions: Filters | undefined;
}

const txOperation = (
  op: TxOperation['op'],
  index: number,
  item: { key: string; entityName?: string | undefined; conditions?: Filters | undefined },
): TxOperation => ({ op, index, key: item.key, entityName: item.entityName, conditions: item.conditions });

/** Identity of a key within a request (entity items and plain keys are separate namespaces). */
const slotId = (key: string, entityName: string | undefined): string => `${entityName ?? ''}\u0000${key}`;

export class LocalKvsStore {
  private readonly file: string | null;
  private readonly definitions: ReadonlyMap<string, EntityDefinition> | undefined;
  private readonly clock: () => number;
  private readonly writeBehind: WriteBehind | undefined;
  private state: StoreState | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingWriteFailures = 0;
  private readonly meter: KvsMeter;
  private readonly latencyMs: number;

  constructor(opts: KvsStoreOptions) {
    this.file = opts.file;
    this.meter = new KvsMeter({ ...FORGE_KVS_QUOTA, ...opts.quota }, opts.now ?? Date.now);
    this.latencyMs = opts.latencyMs ?? 0;
    this.definitions = opts.entities === undefined ? undefined : new Map(opts.entities.map((d) => [d.name, d]));
    this.clock = opts.now ?? Date.now;
    const delay = opts.writeDelayMs ?? 0;
    this.writeBehind = opts.file !== null && delay > 0 ? new WriteBehind(opts.file, delay, () => this.state) : undefined;
  }

  /** Resolves once every write answered so far is on disk (at once for write-through and memory-only stores). */
  flush(): Promise<void> {
    return this.writeBehind?.flush() ?? Promise.resolve();
  }

  /** Flushes and stops the coalescing timer; the store still answers requests afterwards. */
  async close(): Promise<void> {
    await this.writeBehind?.close();
  }

  /**
   * Answers one @forge/kvs request, with what it cost the installation's quota. `requestBytes`: the body's size as
   * sent (default: `body` as JSON). Never rejects: failures come back as Forge-shaped error responses.
   */
  async handle(path: string, body: unknown, requestBytes?: number): Promise<MeteredResponse> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const route = path.split('?')[0] ?? path;
    const bytes = requestBytes ?? byteLength(JSON.stringify(body) ?? '');
    const run = this.queue.then(() => this.meter.meter(route, bytes, () => this.process(route, body)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forge's per-installation limits in force (FORGE_KVS_QUOTA unless overridden). */
  get quota(): Readonly<KvsQuotaLimits> {
    return this.meter.quota.limits;
  }

  /** Test hook: changes the limits from now on; what the current windows hold stays charged. */
  setQuota(limits: Partial<KvsQuotaLimits>): void {
    this.meter.quota.setLimits(limits);
  }

  /** Test hook: make the next N writes fail mid-way (the store must stay as it was: atomic). */
  failNextWrites(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('failNextWrites expects a non-negative integer');
    this.pendingWriteFailures = n;
  }

  private async process(path: string, body: unknown): Promise<KvsResponse> {
    try {
      this.state ??= await loadState(this.file);
      return await this.route(path, body, this.state);
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: e.toBody() };
      const err = internalError();
      const detail = e instanceof SimulatedWriteFailure ? e.message : e instanceof Error ? e.message : String(e);
      const errBody: ForgeErrorBody = { ...err.toBody(), context: { detail } };
      return { status: err.status, body: errBody };
    }
  }

  private route(path: string, body: unknown, state: StoreState): Promise<KvsResponse> | KvsResponse {
    switch (path) {
      case '/api/v1/get':
        return this.get(state, 'kvs', parseBody(GetRequestSchema, body));
      case '/api/v1/set':
        return this.set(state, 'kvs', parseBody(SetRequestSchema, body));
      case '/api/v1/delete':
        return this.delete(state, 'kvs', parseBody(DeleteRequestSchema, body));
      case '/api/v1/query':
        return this.query(state, parseBody(QueryRequestSchema, body));
      case '/api/v1/secret/get':
        return this.get(state, 'secret', parseBody(GetRequestSchema, body));
      case '/api/v1/secret/set':
        return this.set(state, 'secret', parseBody(SetRequestSchema, body));
      case '/api/v1/secret/delete':
        return this.delete(state, 'secret', parseBody(DeleteRequestSchema, body));
      case '/api/v1/entity/get':
        return this.get(state, 'entity', parseBody(EntityGetRequestSchema, body));
      case '/api/v1/entity/set':
        return this.set(state, 'entity', parseBody(EntitySetRequestSchema, body));
      case '/api/v1/entity/delete':
        return this.delete(state, 'entity', parseBody(EntityDeleteRequestSchema, body));
      case '/api/v1/entity/query':
        return this.entityQuery(state, parseBody(EntityQueryRequestSchema, body));
      case '/api/v1/batch/set':
        return this.batchSet(state, parseBody(BatchSetRequestSchema, body));
      case '/api/v1/batch/get':
        return this.batchGet(state, parseBody(BatchGetRequestSchema, body));
      case '/api/v1/batch/delete':
        return this.batchDelete(state, parseBody(BatchDeleteRequestSchema, body));
      case '/api/v1/transaction':
        return this.transaction(state, parseBody(TransactionRequestSchema, body));
      default:
        throw new KvsError(KvsErrorCode.NOT_FOUND, `Unknown Forge KVS endpoint: ${path}`);
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // helpers
  // ------------------------------------------------------------------------------------------------------------

  private nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  private isLive(item: StoredItem | undefined): item is StoredItem {
    return item !== undefined && (item.expiresAt === undefined || item.expiresAt > this.clock());
  }

  /** The item if it exists and has not expired. */
  private live(item: StoredItem | undefined): StoredItem | undefined {
    return this.isLive(item) ? item : undefined;
  }

  /** The entity's definition (undefined when the store runs without definitions); validates the name. */
  private entityDefinition(entityName: string): EntityDefinition | undefined {
    validateEntityName(entityName);
    if (this.definitions === undefined) return undefined;
    const def = this.definitions.get(entityName);
    if (def === undefined) {
      throw new KvsError(KvsErrorCode.INVALID_ENTITY_TYPE, `Entity '${entityName}' is not defined.`);
    }
    return def;
  }

  /** The map a key lives in; `entityName` selects the custom entity store. Validates key and entity name. */
  private itemsFor(
    state: StoreState,
    space: KeySpace,
    key: string,
    entityName: string | undefined,
  ): Map<string, StoredItem> {
    if (space === 'entity') {
      if (entityName === undefined) throw badRequest('entityName is required');
      this.entityDefinition(entityName);
      validateKey(key, 'entity');
      let items = state.entities.get(entityName);
      if (items === undefined) {
        items = new Map();
        state.entities.set(entityName, items);
      }
      return items;
    }
    validateKey(key, space);
    return space === 'secret' ? state.secrets : state.kvs;
  }

  private readItems(state: StoreState, space: KeySpace, key: string, entityName: string | undefined) {
    if (space === 'entity') {
      if (entityName === undefined) throw badRequest('entityName is required');
      this.entityDefinition(entityName);
      validateKey(key, 'entity');
      return state.entities.get(entityName);
    }
    validateKey(key, space);
    return space === 'secret' ? state.secrets : state.kvs;
  }

  /** Validates a value for its key space and builds the stored item that replaces `existing`. */
  private buildItem(
    space: KeySpace,
    entityName: string | undefined,
    rawValue: unknown,
    ttl: Ttl | undefined,
    existing: StoredItem | undefined,
  ): StoredItem {
    let value = validateValue(rawValue);
    if (space === 'entity' && entityName !== undefined) {
      value = validateEntityValue(value, this.entityDefinition(entityName));
    }
    const now = this.nowSeconds();
    const item: StoredItem = { value, createdAt: existing?.createdAt ?? now, updatedAt: now };
    if (ttl !== undefined) item.expiresAt = this.clock() + ttl.value * TTL_UNIT_MS[ttl.unit];
    return item;
  }

  /** Persists `draft` and makes it the live state, or throws and leaves everything as it was. */
  private async commit(draft: StoreState): Promise<void> {
    for (const items of [draft.kvs, draft.secrets, ...draft.entities.values()]) {
      for (const [key, item] of items) if (!this.isLive(item)) items.delete(key);
    }
    for (const [name, items] of draft.entities) if (items.size === 0) draft.entities.delete(name);
    const simulateCrash = this.pendingWriteFailures > 0;
    if (simulateCrash) this.pendingWriteFailures -= 1;
    if (this.file === null) {
      if (simulateCrash) throw new SimulatedWriteFailure();
    } else if (this.writeBehind === undefined) {
      await writeFileAtomic(this.file, serialiseState(draft), simulateCrash);
    } else if (simulateCrash) {
      // A crash now finds on disk every write answered before it, and not this one.
      await this.writeBehind.flush();
      await writeFileAtomic(this.file, serialiseState(draft), true);
    }
    this.state = draft;
    this.writeBehind?.markDirty();
  }

  // ------------------------------------------------------------------------------------------------------------
  // single-key operations
  // ------------------------------------------------------------------------------------------------------------

  private get(
    state: StoreState,
    space: KeySpace,
    req: { key: string; entityName?: string; options?: { metadataFields?: MetadataField[] | undefined } },
  ): KvsResponse {
    const item = this.readItems(state, space, req.key, req.entityName)?.get(req.key);
    if (!this.isLive(item)) throw keyNotFound();
    // storage-api.js processGetResponse keeps only the metadata fields that were asked for.
    return ok(itemOut(req.key, item, ALL_METADATA));
  }

  private async set(
    state: StoreState,
    space: KeySpace,
    req: { key: string; value: unknown; entityName?: string; options?: ExtendedSetOptions | undefined },
  ): Promise<KvsResponse> {
    const draft = cloneState(state);
    const items = this.itemsFor(draft, space, req.key, req.entityName);
    const existing = this.live(items.get(req.key));
    const options = req.options;
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && existing !== undefined) {
      throw new KvsError(KvsErrorCode.KEY_CONFLICT, 'The provided key already exists.', { key: req.key });
    }
    const item = this.buildItem(space, req.entityName, req.value, options?.ttl, existing);
    items.set(req.key, item);
    await this.commit(draft);
    if (options?.returnValue === 'LATEST') return ok(itemOut(req.key, item, ALL_METADATA));
    if (options?.returnValue === 'PREVIOUS') {
      return existing === undefined ? noContent() : ok(itemOut(req.key, existing, ALL_METADATA));
    }
    return noContent();
  }

  private async delete(
    state: StoreState,
    space: KeySpace,
    req: { key: string; entityName?: string },
  ): Promise<KvsResponse> {
    const current = this.readItems(state, space, req.key, req.entityName)?.get(req.key);
    // @forge/kvs turns KEY_NOT_FOUND on delete into a normal (void) result.
    if (!this.isLive(current)) throw keyNotFound();
    const draft = cloneState(state);
    this.itemsFor(draft, space, req.key, req.entityName).delete(req.key);
    await this.commit(draft);
    return noContent();
  }

  // ------------------------------------------------------------------------------------------------------------
  // queries
  // ------------------------------------------------------------------------------------------------------------

  /** kvs.query(): plain keys only (not secrets, not entities), ordered by key. */
  private query(state: StoreState, req: QueryRequest): KvsResponse {
    const limit = req.limit ?? QUERY_DEFAULT_LIMIT;
    if (limit > KVS_QUERY_MAX_LIMIT) {
      throw new KvsError(KvsErrorCode.LIST_QUERY_LIMIT_EXCEEDED, `The query limit must be at most ${KVS_QUERY_MAX_LIMIT}.`, { limit });
    }
    if (limit < 1) throw badRequest(`limit must be between 1 and ${KVS_QUERY_MAX_LIMIT}`, { limit });
    const prefixValue = req.where?.[0]?.values[0];
    const prefix = prefixValue === undefined ? '' : String(prefixValue);
    const after = req.after === undefined ? undefined : decodeCursor(req.after, 'kvs').key;
    const matching = [...state.kvs]
      .filter(([key, item]) => this.isLive(item) && key.startsWith(prefix) && (after === undefined || key > after))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    const fields = req.options?.metadataFields;
    return ok({
      data: page.map(([key, item]) => itemOut(key, item, fields)),
      ...(matching.length > limit && last !== undefined
        ? { cursor: encodeCursor({ scope: 'kvs', sort: [], key: last[0] }) }
        : {}),
    });
  }

  private resolveIndex(entityName: string, indexName: string): ResolvedIndex {
    const def = this.entityDefinition(entityName);
    if (def === undefined) return { name: indexName, partition: [], range: [indexName] };
    const index = resolveIndexes(def).find((i) => i.name === indexName);
    if (index === undefined) {
      throw new KvsError(
        KvsErrorCode.INVALID_ENTITY_INDEX,
        `Index '${indexName}' is not defined for entity '${entityName}'.`,
      );
    }
    return index;
  }

  /** kvs.entity(name).query().index(...): partition equality, range condition, filters, sort, cursor, limit. */
  private entityQuery(state: StoreState, req: EntityQueryRequest): KvsResponse {
    const index = this.resolveIndex(req.entityName, req.indexName);
    const partition = req.partition ?? [];
    if (partition.length !== index.partition.length) {
      throw new KvsError(
        KvsErrorCode.INVALID_ENTITY_INDEX,
        `Index '${index.name}' needs ${index.partition.length} partition value(s), got ${partition.length}.`,
      );
    }
    const limit = req.limit ?? QUERY_DEFAULT_LIMIT;
    if (limit < 1 || limit > ENTITY_QUERY_MAX_LIMIT) {
      throw new KvsError(
        KvsErrorCode.COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE,
        `The page limit must be set between 1 and ${ENTITY_QUERY_MAX_LIMIT}.`,
      );
    }
    if (req.range !== undefined) checkConditionValues(req.range.condition, req.range.values);
    if (req.filters !== undefined) normaliseFilters(req.filters);
    const scope = `entity:${req.entityName}:${index.name}:${JSON.stringify(partition)}`;
    const after = req.cursor === undefined ? undefined : decodeCursor(req.cursor, scope);
    const descending = req.sort === 'DESC';
    const rangeAttr = index.range[0];

    const rows: Array<{ key: string; item: StoredItem; sort: JsonValue[] }> = [];
    for (const [key, item] of state.entities.get(req.entityName) ?? []) {
      if (!this.isLive(item)) continue;
      const value = item.value as JsonObject;
      // Sparse index: an item is only in the index when it has every partition and range attribute.
      const sort: JsonValue[] = [];
      let inIndex = true;
      for (const attr of index.range) {
        const v = value[attr];
        if (v === undefined) inIndex = false;
        else sort.push(v);
      }
      if (!inIndex) continue;
      if (!index.partition.every((attr, i) => compareScalars(value[attr], partition[i]) === 0)) continue;
      if (req.range !== undefined && rangeAttr !== undefined) {
        if (!matchesCondition(value[rangeAttr], req.range.condition, req.range.values)) continue;
      }
      if (req.filters !== undefined && !matchesFilters(value, req.filters)) continue;
      rows.push({ key, item, sort });
    }
    const order = (a: { key: string; sort: JsonValue[] }, b: { key: string; sort: JsonValue[] }): number => {
      const c = compareTuples(a.sort, b.sort);
      const byPos = c !== 0 ? c : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return descending ? -byPos : byPos;
    };
    rows.sort(order);
    const remaining = after === undefined ? rows : rows.filter((r) => order(r, after) > 0);
    const page = remaining.slice(0, limit);
    const last = page[page.length - 1];
    const fields = req.options?.metadataFields;
    return ok({
      data: page.map((r) => itemOut(r.key, r.item, fields)),
      ...(remaining.length > limit && last !== undefined
        ? { cursor: encodeCursor({ scope, sort: last.sort, key: last.key }) }
        : {}),
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // batch operations: each item succeeds or fails on its own (failedKeys), the request as a whole is one write.
  // ------------------------------------------------------------------------------------------------------------

  private checkBatch(items: ReadonlyArray<{ key: string; entityName?: string | undefined }>): void {
    if (items.length === 0) throw badRequest('A batch operation must contain at least one item');
    if (items.length > BATCH_MAX_ITEMS) {
      throw badRequest(`A batch operation can contain at most ${BATCH_MAX_ITEMS} items`, { count: items.length });
    }
    const seen = new Set<string>();
    for (const item of items) {
      const id = slotId(item.key, item.entityName);
      if (seen.has(id)) {
        throw badRequest('A batch operation cannot contain the same key more than once', {
          key: item.key,
          ...(item.entityName === undefined ? {} : { entityName: item.entityName }),
        });
      }
      seen.add(id);
    }
  }

  private static batchError(key: string, entityName: string | undefined, e: unknown): BatchItemError {
    if (!(e instanceof KvsError)) throw e;
    return withEntity({ key, error: { code: e.code, message: e.message } }, entityName);
  }

  private async batchSet(
    state: StoreState,
    items: ReadonlyArray<{ key: string; value: unknown; entityName?: string; options?: { ttl?: Ttl } }>,
  ): Promise<KvsResponse> {
    this.checkBatch(items);
    const draft = cloneState(state);
    const successfulKeys: BatchItemSuccess[] = [];
    const failedKeys: BatchItemError[] = [];
    for (const it of items) {
      try {
        const space = spaceOf(it.entityName);
        const map = this.itemsFor(draft, space, it.key, it.entityName);
        map.set(it.key, this.buildItem(space, it.entityName, it.value, it.options?.ttl, this.live(map.get(it.key))));
        successfulKeys.push(withEntity({ key: it.key }, it.entityName));
      } catch (e) {
        failedKeys.push(LocalKvsStore.batchError(it.key, it.entityName, e));
      }
    }
    if (successfulKeys.length > 0) await this.commit(draft);
    return ok({ successfulKeys, failedKeys });
  }

  private batchGet(
    state: StoreState,
    items: ReadonlyArray<{ key: string; entityName?: string; options?: { metadataFields?: MetadataField[] } }>,
  ): KvsResponse {
    this.checkBatch(items);
    const successfulKeys: ItemOut[] = [];
    const failedKeys: BatchItemError[] = [];
    for (const it of items) {
      try {
        const item = this.readItems(state, spaceOf(it.entityName), it.key, it.entityName)?.get(it.key);
        if (!this.isLive(item)) throw new KvsError(KvsErrorCode.KEY_NOT_FOUND, 'Key does not exist');
        successfulKeys.push(withEntity(itemOut(it.key, item, it.options?.metadataFields), it.entityName));
      } catch (e) {
        failedKeys.push(LocalKvsStore.batchError(it.key, it.entityName, e));
      }
    }
    return ok({ successfulKeys, failedKeys });
  }

  private async batchDelete(
    state: StoreState,
    items: ReadonlyArray<{ key: string; entityName?: string }>,
  ): Promise<KvsResponse> {
    this.checkBatch(items);
    const draft = cloneState(state);
    const successfulKeys: BatchItemSuccess[] = [];
    const failedKeys: BatchItemError[] = [];
    for (const it of items) {
      try {
        const map = this.itemsFor(draft, spaceOf(it.entityName), it.key, it.entityName);
        if (!this.isLive(map.get(it.key))) throw new KvsError(KvsErrorCode.KEY_NOT_FOUND, 'Key does not exist');
        map.delete(it.key);
        successfulKeys.push(withEntity({ key: it.key }, it.entityName));
      } catch (e) {
        failedKeys.push(LocalKvsStore.batchError(it.key, it.entityName, e));
      }
    }
    if (successfulKeys.length > 0) await this.commit(draft);
    return ok({ successfulKeys, failedKeys });
  }

  // ------------------------------------------------------------------------------------------------------------
  // transactions: validate everything, evaluate every condition against the state before the transaction, then
  // apply all deletes and sets to one draft and persist it in one write. Any failure: nothing is applied.
  // ------------------------------------------------------------------------------------------------------------

  private async transaction(state: StoreState, req: TransactionRequest): Promise<KvsResponse> {
    const sets = req.set ?? [];
    const deletes = req.delete ?? [];
    const checks = req.check ?? [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw badRequest('A transaction must contain at least one operation');
    if (total > TRANSACTION_MAX_OPERATIONS) {
      throw badRequest(`A transaction can contain at most ${TRANSACTION_MAX_OPERATIONS} operations`, { count: total });
    }
    const seen = new Set<string>();
    const all: TxOperation[] = [
      ...sets.map((s, index) => txOperation('set', index, s)),
      ...deletes.map((d, index) => txOperation('delete', index, d)),
      ...checks.map((c, index) => txOperation('check', index, c)),
    ];
    for (const op of all) {
      const id = slotId(op.key, op.entityName);
      if (seen.has(id)) throw badRequest('Each key can only be used once in a transaction', { key: op.key });
      seen.add(id);
      if (op.conditions !== undefined && op.entityName === undefined) {
        throw badRequest(`Conditions on ${op.op} '${op.key}' need an entityName (conditions apply to custom entities)`);
      }
      if (op.conditions !== undefined) normaliseFilters(op.conditions);
    }

    // Conditions see the store as it was before the transaction.
    const failed: Array<{ operation: string; index: number; key: string; entityName?: string }> = [];
    for (const op of all) {
      if (op.conditions === undefined) continue;
      const current = this.readItems(state, spaceOf(op.entityName), op.key, op.entityName)?.get(op.key);
      const value = this.isLive(current) ? (current.value as JsonObject) : undefined;
      if (!matchesFilters(value, op.conditions)) {
        failed.push(withEntity({ operation: op.op, index: op.index, key: op.key }, op.entityName));
      }
    }

    const draft = cloneState(state);
    for (const d of deletes) this.itemsFor(draft, spaceOf(d.entityName), d.key, d.entityName).delete(d.key);
    for (const s of sets) {
      const space = spaceOf(s.entityName);
      const map = this.itemsFor(draft, space, s.key, s.entityName);
      map.set(s.key, this.buildItem(space, s.entityName, s.value, s.options?.ttl, this.live(map.get(s.key))));
    }
    // Checks change nothing, but their key and entity name are validated like the others.
    for (const c of checks) this.readItems(draft, spaceOf(c.entityName), c.key, c.entityName);
    if (failed.length > 0) {
      throw new KvsError(
        KvsErrorCode.CONDITION_CHECK_FAILED,
        'The transaction was cancelled because a condition was not met; no operation was applied.',
        { failedConditions: failed },
      );
    }
    await this.commit(draft);
    return noContent();
  }
}
