/** kvs.query() page size: Forge allows "up to a maximum of 20" (developer.atlassian.com/platform/forge/runtime-reference/storage-api-query). */
export const KVS_QUERY_PAGE_SIZE = 20;
