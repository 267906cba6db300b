import { resolveFieldMapping } from '../../src/jira/fields';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import type { JiraFieldDetails } from '../../src/jira/schemas';

const field = (id: string, name: string, schema: JiraFieldDetails['schema']): JiraFieldDetails => ({ id, name, custom: id.startsWith('customfield_'), schema });

const SITE_FIELDS: JiraFieldDetails[] = [
  field('duedate', 'Due date', { type: 'date', system: 'duedate' }),
  field('customfield_10015', 'Start date', { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' }),
  field('customfield_10016', 'Story point estimate', { type: 'number' }),
  field('customfield_10050', 'Conversion Stage', { type: 'option' }),
  field('customfield_10051', 'Risk likelihood', { type: 'string' }),
  field('customfield_10060', 'Flagged', { type: 'array', items: 'option' }),
];

describe('resolveFieldMapping', () => {
  it('maps concepts to field ids by display name, whatever the case, never by a hard-coded id', () => {
    const { ids } = resolveFieldMapping(SITE_FIELDS, DEFAULT_CONFIG.fieldMapping);
    expect(ids).toMatchObject({ dueDate: 'duedate', startDate: 'customfield_10015', storyPoints: 'customfield_10016', conversionStage: 'customfield_10050', riskLikelihood: 'customfield_10051', flagged: 'customfield_10060' });
  });

  it('refuses a field whose type the concept cannot use, and says why', () => {
    const fields = [field('customfield_1', 'Start date', { type: 'number' })];
    const { ids, warnings } = resolveFieldMapping(fields, { ...DEFAULT_CONFIG.fieldMapping, startDate: 'Start date' });
    expect(ids.startDate).toBeUndefined();
    expect(warnings).toContainEqual(expect.objectContaining({ field: 'startDate', issueKey: null, message: expect.stringContaining('has type number') }));
  });

  it('warns about a mapped name that does not exist on the site', () => {
    const { warnings } = resolveFieldMapping(SITE_FIELDS, { ...DEFAULT_CONFIG.fieldMapping, targetValue: 'Promised value' });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'unmappedField', field: 'targetValue', message: expect.stringContaining('No field named "Promised value"') }));
  });

  it('picks the first usable field when several share a name, and says so', () => {
    const fields = [field('customfield_1', 'Story point estimate', { type: 'string' }), field('customfield_2', 'Story point estimate', { type: 'number' }), field('customfield_3', 'Story point estimate', { type: 'number' })];
    const { ids, warnings } = resolveFieldMapping(fields, DEFAULT_CONFIG.fieldMapping);
    expect(ids.storyPoints).toBe('customfield_2');
    expect(warnings).toContainEqual(expect.objectContaining({ field: 'storyPoints', message: expect.stringContaining('Several fields') }));
  });
});
