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

/**
 * Above this many issues in the snapshot a page does not read them all at once: the full read peaks at ~3.4 KB of heap
 * an issue (BENCHMARKS.md: 337 MB at 100k), past the manifest's 512 MB near 150k. Pages there are served from the page
 * figures, or say why not. An object, so a test can lower it.
 */
export const FULL_READ_LIMIT = { maxIssues: 120_000 };

/** What a page says when it would need a full read of a snapshot too large for one: being prepared, or not at this size. */
export function fullReadTooLargeMessage(issueCount: number, figuresQueued: boolean): string {
  const size = issueCount.toLocaleString('en-GB');
  return figuresQueued
    ? `The figures of what you may see of this transformation (${size} issues) are being prepared after the latest changes; this page fills in when they are ready, usually within a minute or two.`
    : `This view needs all ${size} of the transformation's issues read at once, more than one page load may hold at this size. The top row, Overview, roadmap, backlog, risk matrix and teams converted are prepared ahead and still work.`;
}
