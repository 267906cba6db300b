import { getAppContext } from '@forge/api';
import { Activity } from '../../../dev/runtime/activity';
import { installForgeRuntimeGlobal } from '../../../dev/runtime/forgeRuntimeGlobal';
import { currentInvocation } from '../../../dev/runtime/invocationContext';
import { Invoker } from '../../../dev/runtime/invoker';

const spec = (call: () => Promise<unknown>) => ({ kind: 'resolver' as const, functionKey: 'resolver', moduleKey: 'page', accountId: 'someone', timeoutMs: 20_000, call });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the local invoker charges what Forge charges', () => {
  beforeAll(() => installForgeRuntimeGlobal());

  it("stops an invocation that uses more memory than the manifest's memoryMB, and lets one within it finish", async () => {
    // Garbage left before the invocation starts (as earlier test files leave in a reused worker) must not hide what it holds.
    let litter = 0;
    for (let i = 0; i < 40; i++) litter += new Array<number>(1_000_000).fill(i).length;
    expect(litter).toBe(40_000_000);
    const invoker = new Invoker(new Activity(), undefined, { installationId: 'install-1', memoryMB: 64 });
    const held: number[][] = [];
    const greedy = await invoker.run(
      spec(async () => {
        // About 160 MB of heap, kept while the invocation runs.
        for (let i = 0; i < 20; i++) held.push(new Array<number>(1_000_000).fill(i + 0.5));
        await pause(300);
        return held.length;
      }),
    );
    held.length = 0;
    expect(greedy.ok).toBe(false);
    expect(greedy.report.outcome).toBe('outOfMemory');
    expect(greedy.report.error).toMatch(/more than the manifest's memoryMB of 64/);

    const modest = await invoker.run(spec(async () => (await pause(100), 'fine')));
    expect(modest).toMatchObject({ ok: true, result: 'fine', report: { outcome: 'ok' } });
  });

  it('does not count garbage as memory held: an invocation that churns through more than its memoryMB, keeping little, finishes', async () => {
    const invoker = new Invoker(new Activity(), undefined, { installationId: 'install-3', memoryMB: 64 });
    const churning = await invoker.run(
      spec(async () => {
        // About 400 MB allocated in all, 8 MB at a time, none of it kept; the sampler sees the garbage between collections.
        let kept = 0;
        for (let i = 0; i < 50; i++) {
          const scratch = new Array<number>(1_000_000).fill(i + 0.5);
          kept += scratch[i] ?? 0;
          if (i % 5 === 0) await pause(30);
        }
        return kept > 0;
      }),
    );
    expect(churning).toMatchObject({ ok: true, result: true, report: { outcome: 'ok' } });
  });

  it('reports the Forge SQL requests and query time of the invocation that sent them, and its installation', async () => {
    const invoker = new Invoker(new Activity(), undefined, { installationId: 'install-2', memoryMB: 512 });
    const run = await invoker.run(
      spec(async () => {
        const id = currentInvocation()?.invocationId ?? '';
        invoker.countSqlRequest(id, { queryMs: 12, responseBytes: 2_000 });
        invoker.countSqlRequest(id, { queryMs: 30, responseBytes: 500 });
        return getAppContext().installationAri.installationId;
      }),
    );
    expect(run).toMatchObject({ ok: true, result: 'install-2', report: { sqlRequests: 2, sqlQueryMs: 42, sqlResponseBytes: 2_500 } });
  });
});
