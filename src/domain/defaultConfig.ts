import type { TransformationConfig } from './model';

/** Works on the demo site out of the box; admins reshape it in the settings page. */
export const DEFAULT_CONFIG: TransformationConfig = {
  schemaVersion: 1,
  name: 'Digital Transformation',
  boxTypes: [
    { id: 'transformation', name: 'Transformation', parentTypeId: null, source: { kind: 'root' }, progressMethod: 'issueCount', toolset: ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'] },
    { id: 'workstream', name: 'Workstream', parentTypeId: 'transformation', source: { kind: 'issueType', issueType: 'Workstream' }, progressMethod: 'issueCount', toolset: ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'] },
    { id: 'initiative', name: 'Initiative', parentTypeId: 'workstream', source: { kind: 'issueType', issueType: 'Initiative' }, progressMethod: 'issueCount', toolset: ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'] },
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
  conversion: {
    teamBoxTypeId: 'team',
    stages: ['Not started', 'Preparing', 'Piloting', 'Converted', 'Sustaining'],
    targetStage: 'Converted',
  },
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
};
