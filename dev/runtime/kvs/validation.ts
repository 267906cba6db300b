/**
 * Forge's documented key/value/entity limits, enforced with Forge's error codes.
 *
 * Sources (developer.atlassian.com/platform/forge/...):
 *  - limits-kvs-ce "Key and object size limits": key length 500, key regex, value size 240 KiB, object depth.
 *  - storage-reference/handling-errors-kvs: KEY_TOO_SHORT, KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH.
 *  - storage-reference/handling-errors-customentities: EMPTY_KEY, ENTITY_TYPE_TOO_SHORT/_TOO_LARGE,
 *    INVALID_ENTITY_TYPE, INVALID_ENTITY_VALUE ("MAX_DEPTH ... maximum object depth (32)").
 *  - @forge/manifest schema (storage.entities): entity name pattern, 3..60 chars, attribute types.
 */
import { KvsError, KvsErrorCode } from './errors';

export const MAX_KEY_LENGTH = 500;
/** 240 KiB, measured as the UTF-8 byte length of the JSON serialisation of the value. */
export const MAX_VALUE_BYTES = 240 * 1024;
/**
 * Maximum nesting depth of objects/arrays. The error page says "maximum object depth (32)"; the limits page
 * lists 31. We allow 32 levels (the top-level object or array counts as level 1).
 */
export const MAX_VALUE_DEPTH = 32;
/** Documented regex: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ (the `\s-#` there means whitespace, '-' and '#'). */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
/** @forge/manifest storage.entities[].name pattern. */
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** JSON value as stored. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type KeySpace = 'kvs' | 'secret' | 'entity';

export function validateKey(key: string, space: KeySpace): void {
  if (key.length === 0) {
    throw space === 'entity'
      ? new KvsError(KvsErrorCode.EMPTY_KEY, 'Key cannot be empty.')
      : new KvsError(KvsErrorCode.KEY_TOO_SHORT, 'The provided key needs to be at least one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsError(
      KvsErrorCode.KEY_TOO_LONG,
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError(
      KvsErrorCode.INVALID_KEY,
      'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Depth of nested containers, or -1 when `value` is not representable as JSON. */
function jsonDepth(value: unknown): number {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return 0;
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : -1;
  const children: unknown[] | undefined = Array.isArray(value)
    ? value
    : isPlainObject(value)
      ? Object.values(value)
      : undefined;
  if (children === undefined) return -1;
  let deepest = 0;
  for (const child of children) {
    const d = jsonDepth(child);
    if (d < 0) return -1;
    if (d > deepest) deepest = d;
  }
  return deepest + 1;
}

/** Checks a value to be stored and returns it typed as JSON. */
export function validateValue(value: unknown): JsonValue {
  if (value === undefined || value === null) {
    throw new KvsError(KvsErrorCode.BAD_REQUEST, 'Provided request body is invalid', {
      issues: [{ path: 'value', message: 'value must be a string, number, boolean, array or object' }],
    });
  }
  const depth = jsonDepth(value);
  if (depth < 0) {
    throw new KvsError(KvsErrorCode.BAD_REQUEST, 'Provided request body is invalid', {
      issues: [{ path: 'value', message: 'value is not JSON-serialisable' }],
    });
  }
  if (depth > MAX_VALUE_DEPTH) {
    throw new KvsError(
      KvsErrorCode.MAX_DEPTH,
      `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit.`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new KvsError(KvsErrorCode.MAX_SIZE, 'The provided value has exceeded the maximum size limit.', {
      sizeBytes: bytes,
      maxBytes: MAX_VALUE_BYTES,
    });
  }
  return value as JsonValue;
}

export function validateEntityName(entityName: string): void {
  if (entityName.length < 3) {
    throw new KvsError(
      KvsErrorCode.ENTITY_TYPE_TOO_SHORT,
      'The provided entity name needs to be at least 3 characters.',
    );
  }
  if (entityName.length > 60) {
    throw new KvsError(
      KvsErrorCode.ENTITY_TYPE_TOO_LARGE,
      'The provided entity name has exceeded the maximum 60 characters.',
    );
  }
  if (!ENTITY_NAME_PATTERN.test(entityName)) {
    throw new KvsError(
      KvsErrorCode.INVALID_ENTITY_TYPE,
      'The provided entity name does not match the regex: /^(?![_.-])(?!.*\\.{2})[a-z0-9:\\-_.]*(?<![.])$/',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Custom entity definitions, in the shape of manifest.yml `app.storage.entities` (@forge/manifest schema).
// ---------------------------------------------------------------------------------------------------------------

export type EntityAttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

export interface EntityIndexDefinition {
  name: string;
  range: string[];
  partition?: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: EntityAttributeType }>;
  /** A bare string `attr` is an index named `attr` with range `[attr]`, as in the manifest. */
  indexes?: Array<string | EntityIndexDefinition>;
}

export interface ResolvedIndex {
  name: string;
  partition: string[];
  range: string[];
}

function attributeMatches(type: EntityAttributeType, v: JsonValue): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'float':
      return typeof v === 'number';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
  }
}

/**
 * An entity value must be an object. With a definition, every attribute must be declared and of its declared
 * type (INVALID_ENTITY_VALUE otherwise); without one (no `entities` given to the store), any object is accepted.
 */
export function validateEntityValue(value: JsonValue, definition: EntityDefinition | undefined): JsonObject {
  if (!isPlainObject(value)) {
    throw new KvsError(KvsErrorCode.INVALID_ENTITY_VALUE, 'Entity values must be objects of attributes.');
  }
  const obj = value as JsonObject;
  if (definition === undefined) return obj;
  for (const [attr, v] of Object.entries(obj)) {
    const declared = definition.attributes[attr];
    if (declared === undefined) {
      throw new KvsError(
        KvsErrorCode.INVALID_ENTITY_VALUE,
        `Attribute '${attr}' is not defined for entity '${definition.name}'.`,
      );
    }
    if (!attributeMatches(declared.type, v)) {
      throw new KvsError(
        KvsErrorCode.INVALID_ENTITY_VALUE,
        `Attribute '${attr}' of entity '${definition.name}' must be of type ${declared.type}.`,
      );
    }
  }
  return obj;
}

export function resolveIndexes(definition: EntityDefinition): ResolvedIndex[] {
  return (definition.indexes ?? []).map((idx) =>
    typeof idx === 'string'
      ? { name: idx, partition: [], range: [idx] }
      : { name: idx.name, partition: idx.partition ?? [], range: idx.range },
  );
}
