/** Names typed by people (issue types, stages, labels) are compared trimmed and case-insensitively. */
export function normaliseName(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

export function sameName(a: unknown, b: unknown): boolean {
  const left = normaliseName(a);
  return left !== '' && left === normaliseName(b);
}
