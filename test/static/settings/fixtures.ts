import type { SettingsFieldsDto, TransformationConfigDto } from '../../../src/contract';
import { DEFAULT_CONFIG } from '../../../src/domain/defaultConfig';

/** The app's default configuration as the settings page receives it (a fresh copy each call). */
export const config = (): TransformationConfigDto => JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as TransformationConfigDto;

export const FIELDS: SettingsFieldsDto = {
  fields: [
    { id: 'duedate', name: 'Due date', custom: false, schemaType: 'date', kind: 'date' },
    { id: 'customfield_10020', name: 'Points', custom: true, schemaType: 'number', kind: 'number' },
    { id: 'customfield_10015', name: 'Start date', custom: true, schemaType: 'date', kind: 'date' },
    { id: 'customfield_10016', name: 'Story point estimate', custom: true, schemaType: 'number', kind: 'number' },
    { id: 'customfield_10030', name: 'Story point estimate', custom: true, schemaType: 'string', kind: 'text' },
    { id: 'summary', name: 'Summary', custom: false, schemaType: 'string', kind: 'text' },
  ],
  concepts: [
    { concept: 'storyPoints', accepts: ['number'], compatibleFieldIds: ['customfield_10020', 'customfield_10016'], mappedName: 'Story point estimate', mappedFieldId: 'customfield_10016', problem: null },
    { concept: 'startDate', accepts: ['date'], compatibleFieldIds: ['duedate', 'customfield_10015'], mappedName: 'Start date', mappedFieldId: 'customfield_10015', problem: null },
    { concept: 'mitigation', accepts: ['text'], compatibleFieldIds: ['customfield_10030', 'summary'], mappedName: 'Mitigation', mappedFieldId: null, problem: 'No field named "Mitigation" exists on this site, so mitigation is not read' },
  ],
};
