export * from './resolverResponse';
export * from './overview';
export * from './panels';
