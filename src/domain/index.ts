/** The pure domain core: plain data in, plain data out. */
export * from './model';
export { DEFAULT_CONFIG } from './defaultConfig';
export { buildTransformationModel } from './buildTransformationModel';
export { teamsConvertedByParent } from './teamsConvertedByParent';
export type { TeamsConvertedRow } from './teamsConvertedByParent';
export { formatPercent } from './formatPercent';
export { riskScore, riskBand } from './risk';
export type { RiskBandName } from './risk';
export { parseRiskLevel } from './parseRiskLevel';
export { parseIsoDate } from './parseIsoDate';
export { parseNumber } from './parseNumber';
