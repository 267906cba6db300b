import type { SettingsFieldsDto, TransformationConfigDto } from '../../../src/contract';

const ALL = ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'] as const;

/** The app's default configuration as the settings page receives it (a fresh copy each call). */
export const config = (): TransformationConfigDto => ({
  schemaVersion: 1,
  name: 'Digital Transformation',
  boxTypes: [
    { id: 'transformation', name: 'Transformation', parentTypeId: null, source: { kind: 'root' }, progressMethod: 'issueCount', toolset: [...ALL] },
    { id: 'workstream', name: 'Workstream', parentTypeId: 'transformation', source: { kind: 'issueType', issueType: 'Workstream' }, progressMethod: 'issueCount', toolset: [...ALL] },
    { id: 'initiative', name: 'Initiative', parentTypeId: 'workstream', source: { kind: 'issueType', issueType: 'Initiative' }, progressMethod: 'issueCount', toolset: [...ALL] },
    { id: 'team', name: 'Team', parentTypeId: 'initiative', source: { kind: 'issueType', issueType: 'Team' }, progressMethod: 'storyPoints', toolset: ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog'] },
  ],
  fieldMapping: {
    startDate: 'Start date',
    dueDate: 'Due date',
    storyPoints: 'Story point estimate',
    originalEstimate: 'Original estimate',
    conversionStage: 'Conversion stage',
    riskLikelihood: 'Risk likelihood',
    riskImpact: 'Risk impact',
    residualLikelihood: 'Residual likelihood',
    residualImpact: 'Residual impact',
    mitigation: 'Mitigation',
    targetValue: 'Target value',
    realisedValue: 'Realised value',
    stageGate: 'Stage gate',
    sponsor: 'Sponsor',
    manualProgress: 'Manual progress',
    flagged: 'Flagged',
  },
  conversion: { teamBoxTypeId: 'team', stages: ['Not started', 'Preparing', 'Piloting', 'Converted', 'Sustaining'], targetStage: 'Converted' },
  riskIssueTypes: ['Risk'],
  milestoneIssueTypes: ['Milestone'],
  riskScale: {
    likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
    impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
    bands: [
      { name: 'low', min: 1, color: 'color.background.success' },
      { name: 'medium', min: 5, color: 'color.background.warning' },
      { name: 'high', min: 10, color: 'color.background.danger' },
      { name: 'critical', min: 16, color: 'color.background.danger.bold' },
    ],
  },
});

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
