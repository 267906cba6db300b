import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and from where: what Forge knows about one invocation. */
export interface Invocation {
  invocationId: string;
  /** The installation the invocation runs for: each local runtime is one installation. */
  installationId: string;
  moduleKey: string;
  accountId: string | undefined;
  startedAt: number;
  deadline: number;
}

const current = new AsyncLocalStorage<Invocation>();

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return current.run(invocation, fn);
}

export function currentInvocation(): Invocation | undefined {
  return current.getStore();
}
