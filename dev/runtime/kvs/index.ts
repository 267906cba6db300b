export { LocalKvsStore, type KvsStoreOptions, type KvsResponse, type MeteredResponse } from './store';
export { kvsExchange, kvsFetch, type KvsExchange } from './fetch';
export { FORGE_KVS_QUOTA, UNIT_BYTES, unitsFor, type KvsCharge, type KvsQuotaLimits } from './quota';
export { MAX_PAYLOAD_BYTES } from './metering';
export { KvsError, KvsErrorCode, type ForgeErrorBody } from './errors';
export type { EntityDefinition, EntityIndexDefinition, EntityAttributeType } from './validation';
export { MAX_KEY_LENGTH, MAX_VALUE_BYTES, MAX_VALUE_DEPTH } from './validation';
export { QUERY_DEFAULT_LIMIT, KVS_QUERY_MAX_LIMIT, ENTITY_QUERY_MAX_LIMIT, BATCH_MAX_ITEMS, TRANSACTION_MAX_OPERATIONS } from './store';
