/** JQL string literal: quotes and backslashes escaped, so a value can never widen a query. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function projectScopeJql(projectKeys: readonly string[]): string {
  return `project in (${projectKeys.map(jqlString).join(', ')}) ORDER BY key ASC`;
}
