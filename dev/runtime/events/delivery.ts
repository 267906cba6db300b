import type { AppManifest } from '../manifest';
import type { InvocationResult } from '../invoker';
import { RETRY_REASON, retryRequest, type AsyncEvent, type DeliveryOutcome } from './asyncEvent';

/** Runs a consumer module's function for one event, as a 'consumer' invocation. */
export type RunConsumer = (functionKey: string, moduleKey: string, event: unknown) => Promise<InvocationResult>;

/**
 * Delivers an event to the consumer module of its queue and tells the broker how it went: a throw or a timeout
 * fails the delivery, and so does a returned InvocationError, which also says when and why to retry.
 */
export function consumerDelivery(manifest: AppManifest, run: RunConsumer): { hasConsumer(queueName: string): boolean; deliver(event: AsyncEvent): Promise<DeliveryOutcome> } {
  const consumerOf = (queueName: string) => manifest.consumers.find((c) => c.queue === queueName);
  return {
    hasConsumer: (queueName) => consumerOf(queueName) !== undefined,
    async deliver(event) {
      const consumer = consumerOf(event.queueName);
      if (!consumer) return { ok: false, error: `no consumer for queue '${event.queueName}'`, retryReason: RETRY_REASON.uncaught };
      // A copy, as Forge delivers a serialised event: what the consumer does to it cannot change the retries.
      const result = await run(consumer.function, consumer.key, JSON.parse(JSON.stringify(event)));
      if (!result.ok) {
        return { ok: false, error: result.report.error ?? result.report.outcome, retryReason: result.report.outcome === 'timeout' ? RETRY_REASON.timeout : RETRY_REASON.uncaught };
      }
      return retryRequest(result.result) ?? { ok: true };
    },
  };
}
