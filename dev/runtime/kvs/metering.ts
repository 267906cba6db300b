/**
 * Charges each request to the installation's quota (quota.ts) and refuses it, as Forge does, when it would pass one:
 * 429 `RATE_LIMIT_EXCEEDED`. Writes cost their request body, reads what they answer, in 10 KB units. A read is
 * answered first (reads change nothing) so its real size is known, then refused if it does not fit.
 */
import { KvsError, KvsErrorCode } from './errors';
import { KvsQuota, NO_CHARGE, unitsFor, type KvsCharge, type KvsOperationKind, type KvsQuotaLimits, type QuotaRefusal } from './quota';

export interface KvsResponse {
  status: number;
  /** JSON-serialisable body, or undefined for an empty (204) response. */
  body: unknown | undefined;
}

/** A response with what it cost and, when it was measured, its body as JSON (so it is serialised once). */
export interface MeteredResponse extends KvsResponse {
  charge: KvsCharge;
  text?: string;
}

const READS = new Set(['/api/v1/get', '/api/v1/query', '/api/v1/secret/get', '/api/v1/entity/get', '/api/v1/entity/query', '/api/v1/batch/get']);
const WRITES = new Set([
  '/api/v1/set',
  '/api/v1/delete',
  '/api/v1/secret/set',
  '/api/v1/secret/delete',
  '/api/v1/entity/set',
  '/api/v1/entity/delete',
  '/api/v1/batch/set',
  '/api/v1/batch/delete',
  // "Transactions are treated as a single Write operation" (storage-reference/transactions).
  '/api/v1/transaction',
]);

/** "A single kvs.batchSet operation can be a payload of 4MB" (batchops); "Each transaction is limited to a payload size of 4MB" (transactions). MB read as 10^6 bytes, the stricter reading. */
export const MAX_PAYLOAD_BYTES = 4_000_000;
const PAYLOAD_LIMITED = new Set(['/api/v1/batch/set', '/api/v1/transaction']);

const kindOf = (path: string): KvsOperationKind | null => (READS.has(path) ? 'read' : WRITES.has(path) ? 'write' : null);

const REFUSALS: Record<QuotaRefusal, (l: KvsQuotaLimits) => string> = {
  requests: (l) => `Rate limit exceeded: more than ${l.requestsPerSecond} storage requests in one second.`,
  batches: (l) => `Rate limit exceeded: more than ${l.batchOperationsPerMinute} batch operations in one minute.`,
  readUnits: (l) => `Rate limit exceeded: more than ${l.readUnitsPerMinute} read units (10 KB each) in one minute.`,
  writeUnits: (l) => `Rate limit exceeded: more than ${l.writeUnitsPerMinute} write units (10 KB each) in one minute.`,
};

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

export class KvsMeter {
  readonly quota: KvsQuota;

  constructor(limits: Readonly<KvsQuotaLimits>, now: () => number) {
    this.quota = new KvsQuota(limits, now);
  }

  /** Answers `path` through `answer` if the quota allows it, with what it cost. */
  async meter(path: string, requestBytes: number, answer: () => Promise<KvsResponse>): Promise<MeteredResponse> {
    const kind = kindOf(path);
    if (kind === null) return { ...(await answer()), charge: NO_CHARGE };
    const batch = path.startsWith('/api/v1/batch/');
    if (kind === 'write') {
      if (PAYLOAD_LIMITED.has(path) && requestBytes > MAX_PAYLOAD_BYTES) {
        // The limit is documented, its error code is not: BAD_REQUEST is a local choice.
        return this.refused(new KvsError(KvsErrorCode.BAD_REQUEST, `The request payload is limited to ${MAX_PAYLOAD_BYTES} bytes`, { bytes: requestBytes }));
      }
      const units = unitsFor(requestBytes);
      const refusal = this.quota.check(kind, units, batch);
      if (refusal !== null) return this.rateLimited(refusal);
      const response = await answer();
      return { ...response, charge: this.quota.charge(kind, units, batch) };
    }
    const response = await answer();
    const text = response.body === undefined ? '' : JSON.stringify(response.body);
    const units = unitsFor(byteLength(text));
    const refusal = this.quota.check(kind, units, batch);
    if (refusal !== null) return this.rateLimited(refusal);
    return { ...response, text, charge: this.quota.charge(kind, units, batch) };
  }

  private rateLimited(refusal: QuotaRefusal): MeteredResponse {
    return this.refused(new KvsError(KvsErrorCode.RATE_LIMIT_EXCEEDED, REFUSALS[refusal](this.quota.limits)));
  }

  private refused(error: KvsError): MeteredResponse {
    return { status: error.status, body: error.toBody(), charge: NO_CHARGE };
  }
}
