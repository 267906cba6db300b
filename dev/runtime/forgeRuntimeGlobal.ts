import { currentInvocation } from './invocationContext';
import { APP_ID } from './productEvents';

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

/**
 * What `@forge/api` and `@forge/kvs` read from `global.__forge_runtime__`: the app context of the
 * invocation in progress. A getter, so concurrent invocations each see their own.
 */
export function installForgeRuntimeGlobal(): void {
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get() {
      const invocation = currentInvocation();
      return {
        proxy: { token: 'local', url: 'http://local-forge-proxy' },
        metrics: noopMetrics,
        tracing: { traceId: invocation?.invocationId ?? 'none', spanId: 'local' },
        appContext: {
          appId: APP_ID,
          appVersion: 'local',
          environmentId: 'local',
          environmentType: 'DEVELOPMENT',
          invocationId: invocation?.invocationId ?? 'none',
          installationId: invocation?.installationId ?? 'local-installation',
          moduleKey: invocation?.moduleKey ?? 'none',
          permissions: { scopes: [], external: {} },
        },
        lambdaContext: {
          // Outside an invocation (a script or test calling app code directly) nothing limits the time.
          getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.deadline - Date.now()) : Number.POSITIVE_INFINITY),
        },
      };
    },
  });
}
