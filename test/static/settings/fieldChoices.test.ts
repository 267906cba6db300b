import { chosenOption, conceptOptions, mappingStatus, NOT_READ, previewText } from '../../../static/src/components/settings/fieldChoices';
import { issueCountText, listText, parseList, savedAtText } from '../../../static/src/components/settings/labels';
import { FIELDS } from './fixtures';

describe('field choices', () => {
  it('offers "not read" and only the fields of a compatible type, with their type', () => {
    const options = conceptOptions(FIELDS, 'storyPoints');
    expect(options.map((o) => o.value)).toEqual(['', 'customfield_10020', 'customfield_10016']);
    expect(options[2]).toEqual({ value: 'customfield_10016', name: 'Story point estimate', label: 'Story point estimate', detail: 'number · customfield_10016' });
    expect(conceptOptions(FIELDS, 'sponsor')).toEqual([NOT_READ]);
  });

  it('resolves a mapped name like the server: the first compatible field of that name, case-insensitively', () => {
    expect(mappingStatus(FIELDS, 'storyPoints', ' story POINT estimate ')).toMatchObject({ state: 'ok', field: { id: 'customfield_10016' } });
    expect(mappingStatus(FIELDS, 'mitigation', 'Story point estimate')).toMatchObject({ state: 'ok', field: { id: 'customfield_10030' } });
    expect(mappingStatus(FIELDS, 'storyPoints', '')).toEqual({ state: 'unmapped' });
  });

  it('flags a mapping to a field of the wrong type, or to no field', () => {
    const wrong = mappingStatus(FIELDS, 'storyPoints', 'Summary');
    expect(wrong).toEqual({ state: 'incompatible', field: FIELDS.fields[5], message: '“Summary” is a text field, which this concept cannot read. Choose another field.' });
    expect(chosenOption(conceptOptions(FIELDS, 'storyPoints'), wrong, 'Summary')).toEqual({ value: 'name:Summary', name: 'Summary', label: 'Summary', detail: 'text · cannot be read' });
    const missing = mappingStatus(FIELDS, 'mitigation', 'Mitigation');
    expect(missing.state).toBe('missing');
    expect(chosenOption([], missing, 'Mitigation').detail).toBe('not found on this site');
    const options = conceptOptions(FIELDS, 'storyPoints');
    expect(chosenOption(options, { state: 'unmapped' }, '')).toBe(NOT_READ);
    expect(chosenOption(options, mappingStatus(FIELDS, 'storyPoints', 'Points'), 'Points')).toBe(options[1]);
  });

  it('says how many issues have a value, or why it cannot', () => {
    const base = { concept: 'storyPoints' as const, fieldId: 'customfield_10016', fieldName: 'Story point estimate', compatible: true, jql: 'cf[10016] IS NOT EMPTY', problem: null };
    expect(previewText({ ...base, count: 1204 })).toBe('1,204 issues have a value in “Story point estimate”.');
    expect(previewText({ ...base, count: 1 })).toBe('1 issue has a value in “Story point estimate”.');
    expect(previewText({ ...base, count: null, problem: 'Jira cannot search it' })).toBe('Jira cannot search it');
    expect(previewText({ ...base, compatible: false, count: null, problem: null })).toMatch(/cannot be read/);
  });
});

describe('labels', () => {
  it('parses comma lists without blanks or repeats', () => {
    expect(parseList(' PAY, ops ,, pay,\nOPS2 ')).toEqual(['PAY', 'ops', 'OPS2']);
    expect(listText(['A', 'B'])).toBe('A, B');
    expect(listText(undefined)).toBe('');
  });

  it('formats counts and times', () => {
    expect(issueCountText(1204)).toBe('1,204 issues');
    expect(savedAtText('2026-01-14T09:30:00.000Z')).toBe('14 Jan 2026, 09:30 UTC');
    expect(savedAtText('nonsense')).toBe('nonsense');
    expect(savedAtText(null)).toBe('');
  });
});
