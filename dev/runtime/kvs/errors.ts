/**
 * Forge-shaped errors for the local KVS.
 *
 * `@forge/kvs` (out/utils/error-handling.js `checkResponseError`) turns any non-2xx response whose JSON body
 * has `code` and `message` into a `ForgeKvsAPIError` carrying that code; every error here is sent that way.
 * Where each code comes from is noted next to it (see also README.md in this folder).
 */

/** A JSON error body as Forge's KVS sends it (`{ code, message }`, plus optional context). */
export interface ForgeErrorBody {
  code: string;
  message: string;
  context?: Record<string, unknown>;
}

export const KvsErrorCode = {
  // @forge/kvs out/storage-api.js handleKeyNotFound: a 404 with this code makes get/delete resolve to undefined.
  // The package's own tests use it for batchGet/batchDelete failedKeys too.
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  // @forge/kvs __test__/index.test.js: "Provided request body is invalid" comes back as 400 BAD_REQUEST.
  BAD_REQUEST: 'BAD_REQUEST',
  // @forge/kvs __test__/index.test.js: 500 INTERNAL_SERVER_ERROR "An internal server error has occurred".
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Forge docs "Error handling for the Key-Value Store" (storage-reference/handling-errors-kvs).
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  // Same page, for a kvs.query() limit over the maximum (the page says "below 100"; the query reference says 20).
  LIST_QUERY_LIMIT_EXCEEDED: 'LIST_QUERY_LIMIT_EXCEEDED',
  // Forge docs "Error handling for the Custom Entity Store" (storage-reference/handling-errors-customentities).
  EMPTY_KEY: 'EMPTY_KEY',
  ENTITY_TYPE_TOO_SHORT: 'ENTITY_TYPE_TOO_SHORT',
  ENTITY_TYPE_TOO_LARGE: 'ENTITY_TYPE_TOO_LARGE',
  INVALID_ENTITY_TYPE: 'INVALID_ENTITY_TYPE',
  INVALID_ENTITY_VALUE: 'INVALID_ENTITY_VALUE',
  INVALID_ENTITY_ATTRIBUTE: 'INVALID_ENTITY_ATTRIBUTE',
  INVALID_ENTITY_INDEX: 'INVALID_ENTITY_INDEX',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  EMPTY_FILTER_OPERATOR: 'EMPTY_FILTER_OPERATOR',
  INVALID_FILTER_OPERATORS_COMBINATION: 'INVALID_FILTER_OPERATORS_COMBINATION',
  INSUFFICIENT_FILTER_VALUES: 'INSUFFICIENT_FILTER_VALUES',
  // keyPolicy FAIL_IF_EXISTS on an existing key. HTTP 409 is the status the legacy @forge/storage client
  // (out/errors.js) names "Conflicting update occurred". The code string is NOT in Atlassian's docs nor in the
  // package; it is what a third-party write-up (leanzero.hashnode.dev, "Forge KVS locking: FAIL_IF_EXISTS vs TTL
  // leases") reports observing from the real service. Treat it as best-known, not authoritative.
  KEY_CONFLICT: 'KEY_CONFLICT',
  // A transaction `check` (or a conditional set/delete) whose condition does not hold. Forge documents the
  // all-or-nothing behaviour but NOT the error code; this code is local and chosen to be descriptive. Status 409
  // as above. Change it here if the real code becomes known.
  CONDITION_CHECK_FAILED: 'CONDITION_CHECK_FAILED',
  // Over an installation's request rate or read/write units per minute: "Any request that exceeds a quota or limit
  // will return a 429 status with an error code of RATE_LIMIT_EXCEEDED" (storage-reference/handling-errors-kvs,
  // handling-errors-customentities, forge/rest/intro). The message text is local; Forge documents only the code.
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  // Unknown endpoint path (not a Forge code; the real service would 404 as well).
  NOT_FOUND: 'NOT_FOUND',
} as const;

export type KvsErrorCode = (typeof KvsErrorCode)[keyof typeof KvsErrorCode];

const STATUS_BY_CODE: Partial<Record<KvsErrorCode, number>> = {
  KEY_NOT_FOUND: 404,
  NOT_FOUND: 404,
  KEY_CONFLICT: 409,
  CONDITION_CHECK_FAILED: 409,
  INTERNAL_SERVER_ERROR: 500,
  RATE_LIMIT_EXCEEDED: 429,
};

/** An error the store answers with; `status` defaults from the code (400 for validation errors). */
export class KvsError extends Error {
  readonly code: KvsErrorCode;
  readonly status: number;
  readonly context: Record<string, unknown> | undefined;

  constructor(code: KvsErrorCode, message: string, context?: Record<string, unknown>, status?: number) {
    super(message);
    this.name = 'KvsError';
    this.code = code;
    this.status = status ?? STATUS_BY_CODE[code] ?? 400;
    this.context = context;
  }

  toBody(): ForgeErrorBody {
    return this.context === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, context: this.context };
  }
}

export const keyNotFound = (): KvsError => new KvsError(KvsErrorCode.KEY_NOT_FOUND, 'Provided key does not exist');

export const internalError = (): KvsError =>
  new KvsError(KvsErrorCode.INTERNAL_SERVER_ERROR, 'An internal server error has occurred');
