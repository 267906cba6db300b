/** Jira's timestamp format, "2026-03-01T10:15:00.000+0000"; the emulated site runs in UTC. */
export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '+0000');
}
