// The harness must be imported before @forge/kvs and @forge/sql: it routes the real packages to local services.
import { useSql, useMemoryStore } from '../../dev/kvs/harness';

import { ensureSchema } from '../../../src/storage/sql/schema';
import { allIssueIds, countVisible, discardAbove, markReplaced, readHiddenRows, readVisibleIssues, restrictedIds, writeIssues } from '../../../src/storage/snapshot/snapshotRows';
import type { SnapshotIssue } from '../../../src/storage/snapshot/types';
import { workItem } from '../../domain/factories';

/** A stored issue of project `projectId` (key prefix P<projectId>), optionally under a security level. */
function issue(id: number, projectId: string, summary = `Issue ${id}`, restricted = false): SnapshotIssue {
  const item = workItem({ key: `P${projectId}-${id}`, projectKey: `P${projectId}`, summary });
  return { id: String(id), projectId, item, warnings: [], ...(restricted ? { restricted: true as const } : {}) };
}

const BUILD = 'build-a';
const summaries = (issues: SnapshotIssue[]) => issues.map((i) => i.item.summary);

describe('the snapshot rows in Forge SQL', () => {
  beforeEach(async () => {
    useMemoryStore();
    await useSql();
    await ensureSchema();
  });

  it('a reader of one head never sees the rows of the next version, and the next head sees only them', async () => {
    await writeIssues(BUILD, 0, [issue(1, '10'), issue(2, '10'), issue(3, '10')]);
    // Version 1: issue 2 renamed, issue 3 deleted.
    await markReplaced(BUILD, ['2', '3'], 1, Date.now());
    await writeIssues(BUILD, 1, [issue(2, '10', 'Renamed')]);
    expect(summaries(await readVisibleIssues({ buildId: BUILD, version: 0 }, null))).toEqual(['Issue 1', 'Issue 2', 'Issue 3']);
    expect(summaries(await readVisibleIssues({ buildId: BUILD, version: 1 }, null))).toEqual(['Issue 1', 'Renamed']);
    expect(await countVisible({ buildId: BUILD, version: 1 })).toBe(2);
    expect(await countVisible({ buildId: 'other-build', version: 1 })).toBe(0);
  });

  it('what a change left behind without its head is undone before the next change', async () => {
    await writeIssues(BUILD, 0, [issue(1, '10'), issue(2, '10')]);
    // A sync wrote version 1 and died before the head: its rows must not show once another change is version 1.
    await markReplaced(BUILD, ['1'], 1, Date.now());
    await writeIssues(BUILD, 1, [issue(1, '10', 'Half applied')]);
    await discardAbove({ buildId: BUILD, version: 0 });
    await markReplaced(BUILD, ['2'], 1, Date.now());
    await writeIssues(BUILD, 1, [issue(2, '10', 'Applied')]);
    expect(summaries(await readVisibleIssues({ buildId: BUILD, version: 1 }, null))).toEqual(['Issue 1', 'Applied']);
  });

  it("returns only the viewer's projects and the restricted issues they may see, and names the rest without content", async () => {
    await writeIssues(BUILD, 0, [issue(1, '10'), issue(2, '20'), issue(3, '10', 'Secret', true), issue(4, '10', 'Shown', true)]);
    const at = { buildId: BUILD, version: 0 };
    expect(await restrictedIds(at)).toEqual(['3', '4']);
    const filter = { projectIds: new Set(['10']), issueIds: new Set(['4']) };
    expect((await readVisibleIssues(at, filter)).map((i) => i.id)).toEqual(['1', '4']);
    expect(await readHiddenRows(at, filter)).toEqual([
      { id: '2', key: 'P20-2', projectId: '20', projectKey: 'P20', parentKey: null, restricted: false },
      { id: '3', key: 'P10-3', projectId: '10', projectKey: 'P10', parentKey: null, restricted: true },
    ]);
    const nobody = { projectIds: new Set<string>(), issueIds: new Set<string>() };
    expect(await readVisibleIssues(at, nobody)).toEqual([]);
    expect((await readHiddenRows(at, nobody)).map((r) => r.id)).toEqual(['1', '2', '3', '4']);
  });

  it('pages reads so no answer passes Forge SQL’s response limit, and still returns every row once', async () => {
    // 2,500 issues of ~250 bytes: one 2,000-row page would be ~600 KB, over this installation's 256 KB answer limit.
    await useSql({ responseBytes: 256 * 1024 });
    await ensureSchema();
    const issues = Array.from({ length: 2_500 }, (_, i) => issue(i + 1, '10'));
    await writeIssues(BUILD, 0, issues);
    const read = await readVisibleIssues({ buildId: BUILD, version: 0 }, null);
    expect(read.map((i) => i.id)).toEqual(issues.map((i) => i.id));
    expect(await allIssueIds({ buildId: BUILD, version: 0 })).toHaveLength(2_500);
  });

  it('writing the same version twice (a build step redone) stores each issue once', async () => {
    await writeIssues(BUILD, 0, [issue(1, '10'), issue(2, '10')]);
    await writeIssues(BUILD, 0, [issue(2, '10', 'Again'), issue(3, '10')]);
    expect(summaries(await readVisibleIssues({ buildId: BUILD, version: 0 }, null))).toEqual(['Issue 1', 'Again', 'Issue 3']);
  });
});
