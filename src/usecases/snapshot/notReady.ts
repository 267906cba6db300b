import type { BuildState } from './fullBuild';

/**
 * Above this many issues a live read does not finish within a UI resolver's 25 s (about 1 s per 1,000 issues at a
 * cloud site's latency, see BENCHMARKS.md), so pages wait for the snapshot instead of trying.
 */
export const LIVE_READ_MAX_ISSUES = 20_000;

/** The first snapshot of a large site is still being built: the page says how far it is instead of timing out. */
export class SnapshotNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotNotReadyError';
  }
}

/** What to tell the viewer about a build in progress, with a time estimate once there is progress to go by. */
export function buildProgressMessage(build: BuildState, now: Date): string {
  const expected = build.expectedIssues ?? 0;
  const read = build.issuesRead;
  const elapsedMs = now.getTime() - Date.parse(build.startedAt);
  const remainingMs = read > 0 && expected > read ? (elapsedMs / read) * (expected - read) : null;
  const eta = remainingMs === null ? '' : ` About ${Math.max(1, Math.round(remainingMs / 60_000))} min to go.`;
  return `The transformation is being prepared from Jira for the first time: ${read.toLocaleString('en-GB')} of about ${expected.toLocaleString('en-GB')} issues read so far.${eta} This page fills in when it is done; try again in a moment.`;
}
