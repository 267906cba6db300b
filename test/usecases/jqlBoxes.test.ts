import { DEFAULT_CONFIG, type TransformationConfig } from '../../src/domain';
import { JiraDataChangedError } from '../../src/jira/jiraHttp';
import { findJqlBoxes } from '../../src/usecases/jqlBoxes';
import { scriptedJira } from '../jira/fakeJira';

const config: TransformationConfig = {
  ...DEFAULT_CONFIG,
  boxTypes: [...DEFAULT_CONFIG.boxTypes, { id: 'squad', name: 'Squad', parentTypeId: 'initiative', source: { kind: 'jql', jql: 'labels = squad' }, progressMethod: 'issueCount', toolset: ['backlog'] }],
};
const keys = (list: string[], next: string | null) => ({ status: 200, body: { issues: list.map((key, n) => ({ id: String(n + 1), key })), ...(next ? { nextPageToken: next, isLast: false } : { isLast: true }) } });

describe('JQL box types read while Jira changes', () => {
  it('takes a one-page answer as it is', async () => {
    const jira = scriptedJira([keys(['A-1', 'A-2'], null)]);
    expect(await findJqlBoxes(jira, config)).toMatchObject({ matches: { squad: ['A-1', 'A-2'] }, requests: 1 });
  });

  it('reads a multi-page answer again and uses it when both reads agree', async () => {
    const jira = scriptedJira([keys(['A-1'], 't'), keys(['A-2'], null), keys(['A-1'], 't'), keys(['A-2'], null)]);
    expect(await findJqlBoxes(jira, config)).toMatchObject({ matches: { squad: ['A-1', 'A-2'] }, requests: 4 });
  });

  it('when the pages shifted between the reads, starts over once and uses the fresh pair', async () => {
    // A-2 was deleted after the first page: the second page skipped A-3, which the check finds.
    const jira = scriptedJira([keys(['A-1', 'A-2'], 't'), keys(['A-4'], null), keys(['A-1', 'A-3'], 't'), keys(['A-4'], null), keys(['A-1', 'A-3'], 't'), keys(['A-4'], null), keys(['A-1', 'A-3'], 't'), keys(['A-4'], null)]);
    const found = await findJqlBoxes(jira, config);
    expect(found.matches.squad).toEqual(['A-1', 'A-3', 'A-4']);
    expect(found.requests).toBe(8);
  });

  it('fails clearly rather than use a set of boxes that kept changing', async () => {
    const jira = scriptedJira([keys(['A-1'], 't'), keys(['A-2'], null), keys(['A-1'], 't'), keys(['A-3'], null), keys(['A-1'], 't'), keys(['A-4'], null), keys(['A-1'], 't'), keys(['A-5'], null)]);
    await expect(findJqlBoxes(jira, config)).rejects.toBeInstanceOf(JiraDataChangedError);
  });
});
