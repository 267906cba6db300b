import { toWorkItem, unwrapFieldValue } from '../../src/jira/issueMapper';

const bean = (fields: Record<string, unknown>) => ({ id: '10001', key: 'PAY-7', fields });

describe('toWorkItem', () => {
  it('reads system fields and unwraps mapped custom fields from their Jira shapes', () => {
    const { item, warnings } = toWorkItem(
      bean({
        summary: 'Move payments to the new way',
        status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
        issuetype: { name: 'Story' },
        project: { key: 'PAY' },
        parent: { key: 'PAY-1' },
        assignee: { accountId: 'u1', displayName: 'Mia Chen' },
        labels: ['wave-1'],
        issuelinks: [
          { type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, outwardIssue: { key: 'CARD-3' } },
          { type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, inwardIssue: { key: 'OPS-9' } },
        ],
        customfield_1: 5,
        customfield_2: { self: 'x', value: 'Converted', id: '3' },
        customfield_3: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hire a coach' }] }] },
        customfield_4: [{ value: 'Impediment' }],
      }),
      { storyPoints: 'customfield_1', conversionStage: 'customfield_2', mitigation: 'customfield_3', flagged: 'customfield_4', dueDate: 'duedate' },
    );
    expect(warnings).toEqual([]);
    expect(item).toMatchObject({ key: 'PAY-7', projectKey: 'PAY', issueType: 'Story', status: 'In Progress', statusCategory: 'indeterminate', parentKey: 'PAY-1', assignee: 'Mia Chen', labels: ['wave-1'], blocks: ['CARD-3'] });
    expect(item.fields).toEqual({ storyPoints: 5, conversionStage: 'Converted', mitigation: 'Hire a coach', flagged: ['Impediment'], dueDate: null });
  });

  it('reports a field of an unexpected shape as a data-quality warning naming the issue and field, and keeps going', () => {
    const { item, warnings } = toWorkItem(bean({ summary: 'x', status: { name: 'Odd', statusCategory: { key: 'purple' } }, issuetype: { name: 'Story' }, customfield_1: { nested: { deeply: true } } }), { storyPoints: 'customfield_1' });
    expect(item.fields.storyPoints).toBeUndefined();
    expect(item.statusCategory).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ code: 'unexpectedFieldValue', issueKey: 'PAY-7', field: 'storyPoints' })]);
  });

  it('survives an issue with no fields at all', () => {
    const { item, warnings } = toWorkItem({ id: '1', key: 'HR-1' }, {});
    expect(item).toMatchObject({ key: 'HR-1', projectKey: 'HR', summary: '(no summary)', statusCategory: null });
    expect(warnings.map((w) => w.field)).toEqual(['summary', 'issuetype']);
  });
});

describe('unwrapFieldValue', () => {
  it('passes scalars through and refuses mixed arrays', () => {
    expect(unwrapFieldValue('3')).toBe('3');
    expect(unwrapFieldValue(null)).toBeNull();
    expect(unwrapFieldValue(['a', { value: 'b' }])).toEqual(['a', 'b']);
    expect(unwrapFieldValue(['a', 3])).toBeUndefined();
  });
});
