// The harness must be imported before @forge/kvs and @forge/sql: it routes the real packages to local services.
import { useSql, useMemoryStore } from '../../dev/kvs/harness';

import type { JiraFieldChange } from '../../../src/jira/changelog';
import { ensureSchema } from '../../../src/storage/sql/schema';
import { deleteOtherBuildsHistory, readHistory, writeHistory } from '../../../src/storage/snapshot/historyRows';

const BUILD = 'build-a';
const change = (issueId: number, history: number, item: number, at: string, to: string, fieldId: string | null = 'status'): JiraFieldChange => ({
  issueId: String(issueId),
  changeId: `${history}:${item}`,
  at,
  fieldId,
  fromString: 'To Do',
  toString: to,
});

describe("the snapshot's changelog rows in Forge SQL", () => {
  beforeEach(async () => {
    useMemoryStore();
    await useSql();
    await ensureSchema();
  });

  it('keeps Jira’s time text, stores a change read twice once, and leaves out changes of no field', async () => {
    const first = change(7, 100, 0, '2026-03-01T10:00:00.000+0100', 'In Progress');
    await writeHistory(BUILD, [first, change(7, 100, 1, '2026-03-01T10:00:00.000+0100', 'x', null)]);
    await writeHistory(BUILD, [first, change(7, 101, 0, '2026-03-02T10:00:00.000+0000', 'Done')]);
    expect(await readHistory(BUILD, ['7'], Date.parse('2026-12-31T00:00:00Z'))).toEqual([first, change(7, 101, 0, '2026-03-02T10:00:00.000+0000', 'Done')]);
  });

  it('reads only what happened up to the head’s moment, and only the asked issues of the asked build', async () => {
    await writeHistory(BUILD, [change(1, 10, 0, '2026-03-01T00:00:00.000+0000', 'In Progress'), change(1, 11, 0, '2026-03-05T00:00:00.000+0000', 'Done'), change(2, 12, 0, '2026-03-01T00:00:00.000+0000', 'Done')]);
    await writeHistory('build-b', [change(1, 13, 0, '2026-03-01T00:00:00.000+0000', 'Other build')]);
    const upTo = Date.parse('2026-03-02T00:00:00Z');
    expect((await readHistory(BUILD, ['1'], upTo)).map((c) => c.toString)).toEqual(['In Progress']);
    expect((await readHistory(BUILD, 'all', upTo)).map((c) => [c.issueId, c.toString])).toEqual([
      ['1', 'In Progress'],
      ['2', 'Done'],
    ]);
    await deleteOtherBuildsHistory(BUILD);
    expect(await readHistory('build-b', 'all', upTo)).toEqual([]);
  });

  it('reads a history larger than one page in changelog order: by issue, time, then history and item', async () => {
    const many: JiraFieldChange[] = [];
    // 6,000 changes over 600 issues, written in reverse, with histories 9 and 10 at the same moment on issue 1.
    for (let issue = 600; issue >= 1; issue -= 1) {
      for (let n = 9; n >= 0; n -= 1) many.push(change(issue, 1000 + n, 0, `2026-01-${String(10 + n).padStart(2, '0')}T00:00:00.000+0000`, `S${n}`));
    }
    many.push(change(1, 9, 0, '2026-01-10T00:00:00.000+0000', 'Same moment, earlier history'));
    await writeHistory(BUILD, many);
    const read = await readHistory(BUILD, 'all', Date.parse('2026-12-31T00:00:00Z'));
    expect(read).toHaveLength(6001);
    expect(read.slice(0, 3).map((c) => c.toString)).toEqual(['Same moment, earlier history', 'S0', 'S1']);
    expect(read.map((c) => Number(c.issueId))).toEqual([...read.map((c) => Number(c.issueId))].sort((a, b) => a - b));
    expect(read.at(-1)).toMatchObject({ issueId: '600', toString: 'S9' });
  });
});
