export { LocalKvsStore, type KvsStoreOptions, type KvsResponse } from './store';
export { kvsFetch } from './fetch';
export { KvsError, KvsErrorCode, type ForgeErrorBody } from './errors';
export type { EntityDefinition, EntityIndexDefinition, EntityAttributeType } from './validation';
export { MAX_KEY_LENGTH, MAX_VALUE_BYTES, MAX_VALUE_DEPTH } from './validation';
export { QUERY_DEFAULT_LIMIT, KVS_QUERY_MAX_LIMIT, ENTITY_QUERY_MAX_LIMIT, BATCH_MAX_ITEMS, TRANSACTION_MAX_OPERATIONS } from './store';
