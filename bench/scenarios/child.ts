/** Scenario processes forked with tsx and --expose-gc, talking over IPC; every one is killed when the bench ends. */
import { fork, type ChildProcess } from 'node:child_process';
import type { ZodType } from 'zod';
import { withTimeout } from '../measure';

export interface Child<T> {
  /** The next message, checked against the schema; rejects when the process dies or stays silent too long. */
  next(timeoutMs: number): Promise<T>;
  kill(): void;
}

const live = new Set<ChildProcess>();

/** Kills every scenario process still running (the bench's exit path and watchdog). */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Forks `script` (a .ts file), sends it `start`, and reads its messages. A message `{ kind: 'failed', error }` rejects. */
export function forkChild<T>(script: string, start: unknown, schema: ZodType<T>): Child<T> {
  const child = fork(script, [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  live.add(child);
  type Settled = { ok: true; value: T } | { ok: false; error: Error };
  const inbox: Settled[] = [];
  const waiters: Array<(s: Settled) => void> = [];
  const deliver = (s: Settled) => {
    const waiter = waiters.shift();
    if (waiter) waiter(s);
    else inbox.push(s);
  };
  child.on('message', (raw: unknown) => {
    const failed = typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'failed';
    if (failed) deliver({ ok: false, error: new Error(String((raw as { error?: unknown }).error)) });
    else deliver({ ok: true, value: schema.parse(raw) });
  });
  child.on('exit', (code, signal) => {
    live.delete(child);
    if (signal !== 'SIGKILL') deliver({ ok: false, error: new Error(`${script} exited with ${signal ?? code}`) });
  });
  child.send(start as object);
  const unwrap = (s: Settled): T => {
    if (!s.ok) throw s.error;
    return s.value;
  };
  return {
    next: (timeoutMs) => {
      const queued = inbox.shift();
      if (queued) return Promise.resolve(queued).then(unwrap);
      return withTimeout(new Promise<Settled>((resolve) => waiters.push(resolve)), timeoutMs, script).then(unwrap);
    },
    kill: () => {
      child.kill('SIGKILL');
      live.delete(child);
    },
  };
}

/** Sends a message to the parent and waits until it is on its way. */
export function sendToParent(message: unknown): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}
