// The functions manifest.yml names, and nothing else.
export { handler } from './resolvers';
export { onAppLifecycle, onFiguresWork, onHistoryWork, onIssueEvent, onSchedule, onSnapshotWork } from './resolvers/snapshotEvents';
