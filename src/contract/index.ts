export * from './resolverResponse';
export * from './common';
export * from './panels';
export * from './settings';
export * from './modules';
export * from './reports';
export * from './edits';
export * from './baselines';
