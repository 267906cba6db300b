import { DEFAULT_CONFIG, buildTransformationModel, resolveScope } from '../../src/domain';
import { readHistory } from '../../src/usecases/readHistory';
import type { ScopedRead } from '../../src/usecases/readScope';
import { scriptedJira } from '../jira/fakeJira';

const AS_OF = '2026-06-01T10:00:00.000Z';

function scopedRead(): ScopedRead {
  const item = { key: 'A-1', projectKey: 'A', issueType: 'Story', summary: 'One', status: 'In Progress', statusCategory: 'indeterminate' as const, parentKey: null, assignee: null, labels: [], created: null, updated: null, resolved: null, fields: {}, blocks: [] };
  const model = buildTransformationModel([item], DEFAULT_CONFIG, { now: AS_OF });
  return { model, requests: 0, issueIds: new Map([['A-1', '10001']]), fieldIds: {}, source: { kind: 'snapshot', asOf: AS_OF, rowsHidden: false, note: null }, scope: resolveScope(model, null), pageScope: resolveScope(model, null), boxId: null, today: AS_OF.slice(0, 10), config: DEFAULT_CONFIG };
}
const change = (created: string, to: string) => ({ id: created, created, items: [{ field: 'status', fieldId: 'status', fromString: 'To Do', toString: to }] });

describe('report history', () => {
  it('leaves out changes made after the moment the model shows, so history and model agree', async () => {
    const jira = scriptedJira([
      { status: 200, body: { issueChangeLogs: [{ issueId: '10001', changeHistories: [change('2026-05-30T09:00:00.000Z', 'In Progress'), change('2026-06-01T10:05:00.000Z', 'Done')] }] } },
      { status: 200, body: [{ name: 'Done', statusCategory: { key: 'done' } }] },
    ]);
    const { history } = await readHistory(jira, scopedRead());
    expect(history).toEqual([{ key: 'A-1', at: '2026-05-30T09:00:00.000Z', concept: 'status', from: 'To Do', to: 'In Progress' }]);
  });
});
