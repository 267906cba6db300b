import type { EventBroker } from './events/broker';
import { answerQueueApi } from './events/queueApi';
import { currentInvocation } from './invocationContext';
import type { Invoker } from './invoker';
import { kvsExchange, type LocalKvsStore } from './kvs';
import type { ProductTarget } from './productFetch';
import { sqlFetch, type LocalForgeSql } from './sql';

export type ForgeFetch = (target: ProductTarget, url: string, init?: RequestInit) => Promise<Response>;

/**
 * `global.__forge_fetch__`, through which the real @forge/* packages send everything: KVS requests to the local
 * store (counted, with their read/write units, against the invocation that sent them), Forge SQL requests to the
 * installation's local database, Atlassian platform ('stargate') requests such as async event pushes to the local
 * queues, and product requests to Jira, counted against the invocation that made them when they reach it.
 */
export function createForgeFetch(parts: { kvs: LocalKvsStore; broker: EventBroker; invoker: Invoker; sql: LocalForgeSql | null; jira: ForgeFetch }): ForgeFetch {
  const toKvs = kvsExchange(parts.kvs);
  const toSql = sqlFetch(parts.sql, (charge) => {
    const invocation = currentInvocation();
    if (invocation) parts.invoker.countSqlRequest(invocation.invocationId, charge);
  });
  return async (target, url, init) => {
    if (target.type === 'kvs') {
      const invocation = currentInvocation();
      const { response, charge } = await toKvs(url, init);
      if (invocation) parts.invoker.countKvsRequest(invocation.invocationId, charge);
      return response;
    }
    if (target.type === 'sql') return toSql(url, init);
    if (target.remote === 'stargate') return answerQueueApi(parts.broker, url, init);
    const invocation = currentInvocation();
    const response = await parts.jira(target, url, init);
    // A call the proxy refused (e.g. asUser with no user) never reached Jira.
    if (invocation && !response.headers.has('forge-proxy-error')) parts.invoker.countJiraRequest(invocation.invocationId);
    return response;
  };
}
