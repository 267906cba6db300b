import { valuePresentJql } from '../../src/usecases/settingsFields';

describe('the JQL a field preview counts', () => {
  it('names a custom field by its number, whatever its name says', () => {
    expect(valuePresentJql({ id: 'customfield_10015', name: 'Start" OR project IS NOT EMPTY OR "x', custom: true, schema: { type: 'date' } })).toBe('cf[10015] IS NOT EMPTY');
  });

  it("names a system field by one of Jira's clause names for it, quoted", () => {
    expect(valuePresentJql({ id: 'duedate', name: 'Due date', custom: false, clauseNames: ['due', 'duedate'] } as never)).toBe('"duedate" IS NOT EMPTY');
    expect(valuePresentJql({ id: 'timeoriginalestimate', name: 'Original estimate', custom: false, clauseNames: ['originalEstimate'] } as never)).toBe('"originalEstimate" IS NOT EMPTY');
    expect(valuePresentJql({ id: 'duedate', name: 'Due date', custom: false })).toBe('"duedate" IS NOT EMPTY');
  });

  it('quotes and escapes whatever Jira calls the field, so it cannot widen the query', () => {
    expect(valuePresentJql({ id: 'weird', name: 'Weird', clauseNames: ['a" OR "b\\'] } as never)).toBe('"a\\" OR \\"b\\\\" IS NOT EMPTY');
  });
});
