/**
 * Request bodies `@forge/kvs` 1.6.x sends (shapes read from node_modules/@forge/kvs/out/interfaces/kvs-api.d.ts,
 * storage-api.js, query.js, entity-query.js and utils/transaction-request-builder.js), as zod schemas.
 * Unknown extra fields are ignored; wrong types or missing required fields are a 400 BAD_REQUEST.
 * Keys and values are only checked for type here; their Forge limits are enforced in validation.ts so that the
 * documented error codes (KEY_TOO_LONG, MAX_SIZE, ...) come back instead of a generic BAD_REQUEST.
 */
import { z } from 'zod';

import { KvsError, KvsErrorCode } from './errors';

export const MetadataFieldSchema = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof MetadataFieldSchema>;

const GetOptionsSchema = z.object({ metadataFields: z.array(MetadataFieldSchema).optional() });

const TtlSchema = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof TtlSchema>;

/** `SetOptions` (ttl only): used by batch items and transaction sets. */
const TtlOnlyOptionsSchema = z.object({ ttl: TtlSchema.optional() });

/** `ExtendedSetOptions` = PolicySetOptions | OverrideAndReturnSetOptions (interfaces/types.d.ts). */
const ExtendedSetOptionsSchema = z
  .object({
    ttl: TtlSchema.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(MetadataFieldSchema).optional(),
  })
  .refine((o) => o.returnValue === undefined || o.keyPolicy === 'OVERRIDE', {
    message: "returnValue is only allowed with keyPolicy 'OVERRIDE'",
    path: ['returnValue'],
  })
  .refine((o) => o.returnMetadataFields === undefined || o.returnValue !== undefined, {
    message: 'returnMetadataFields requires returnValue',
    path: ['returnMetadataFields'],
  });
export type ExtendedSetOptions = z.infer<typeof ExtendedSetOptionsSchema>;

const KeySchema = z.string();
const EntityNameSchema = z.string();
/** Any JSON value; checked for JSON-ness, null, size and depth in validation.ts. */
const ValueSchema = z.unknown();

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof ScalarSchema>;

export const GetRequestSchema = z.object({ key: KeySchema, options: GetOptionsSchema.optional() });
export const SetRequestSchema = z.object({
  key: KeySchema,
  value: ValueSchema,
  options: ExtendedSetOptionsSchema.optional(),
});
export const DeleteRequestSchema = z.object({ key: KeySchema });

export const EntityGetRequestSchema = GetRequestSchema.extend({ entityName: EntityNameSchema });
export const EntitySetRequestSchema = SetRequestSchema.extend({ entityName: EntityNameSchema });
export const EntityDeleteRequestSchema = DeleteRequestSchema.extend({ entityName: EntityNameSchema });

export const QueryRequestSchema = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z
    .array(
      z.object({
        property: z.literal('key'),
        condition: z.literal('BEGINS_WITH'),
        values: z.array(z.union([z.string(), z.number()])).length(1),
      }),
    )
    .max(1)
    .optional(),
  options: GetOptionsSchema.optional(),
});
export type QueryRequest = z.infer<typeof QueryRequestSchema>;

export const RangeConditionSchema = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
export const FilterConditionSchema = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'EQUAL_TO',
  'EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'NOT_EXISTS',
]);
export type FilterCondition = z.infer<typeof FilterConditionSchema>;

const FilterItemSchema = z.object({
  property: z.string().min(1),
  condition: FilterConditionSchema,
  values: z.array(ScalarSchema),
});
export type FilterItem = z.infer<typeof FilterItemSchema>;

/** `{ and: [...] }` or `{ or: [...] }` (EntityQueryFilters / TransactionCondition). */
const FiltersSchema = z.object({
  and: z.array(FilterItemSchema).optional(),
  or: z.array(FilterItemSchema).optional(),
});
export type Filters = z.infer<typeof FiltersSchema>;

const RangeSchema = z.object({ condition: RangeConditionSchema, values: z.array(ScalarSchema) });
export type Range = z.infer<typeof RangeSchema>;

export const EntityQueryRequestSchema = z.object({
  entityName: EntityNameSchema,
  indexName: z.string().min(1),
  partition: z.array(ScalarSchema).optional(),
  range: RangeSchema.optional(),
  filters: FiltersSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: GetOptionsSchema.optional(),
});
export type EntityQueryRequest = z.infer<typeof EntityQueryRequestSchema>;

export const BatchSetRequestSchema = z.array(
  z.object({
    key: KeySchema,
    value: ValueSchema,
    entityName: EntityNameSchema.optional(),
    options: TtlOnlyOptionsSchema.optional(),
  }),
);
export const BatchGetRequestSchema = z.array(
  z.object({ key: KeySchema, entityName: EntityNameSchema.optional(), options: GetOptionsSchema.optional() }),
);
export const BatchDeleteRequestSchema = z.array(
  z.object({ key: KeySchema, entityName: EntityNameSchema.optional() }),
);

export const TransactionRequestSchema = z.object({
  set: z
    .array(
      z.object({
        key: KeySchema,
        value: ValueSchema,
        entityName: EntityNameSchema.optional(),
        conditions: FiltersSchema.optional(),
        options: TtlOnlyOptionsSchema.optional(),
      }),
    )
    .optional(),
  delete: z
    .array(z.object({ key: KeySchema, entityName: EntityNameSchema.optional(), conditions: FiltersSchema.optional() }))
    .optional(),
  check: z
    .array(z.object({ key: KeySchema, entityName: EntityNameSchema.optional(), conditions: FiltersSchema }))
    .optional(),
});
export type TransactionRequest = z.infer<typeof TransactionRequestSchema>;

/** Parses `body` or throws a Forge-shaped 400 BAD_REQUEST listing the zod issues. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new KvsError(KvsErrorCode.BAD_REQUEST, 'Provided request body is invalid', {
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
