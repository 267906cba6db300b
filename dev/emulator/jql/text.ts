/**
 * JQL's `~`: word search, not substring. Every term must occur as a word (case-insensitive);
 * a trailing `*` matches a word prefix; a query wrapped in double quotes is an exact phrase.
 */

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

export interface TextQuery {
  phrase: string[] | undefined;
  terms: { word: string; prefix: boolean }[];
}

/** Returns Jira's message when the query cannot be searched for. */
export function parseTextQuery(raw: string, field: string): TextQuery | string {
  const trimmed = raw.trim();
  if (trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const phrase = words(trimmed.slice(1, -1));
    if (phrase.length === 0) return `The field '${field}' does not support searching for an empty string.`;
    return { phrase, terms: [] };
  }
  const terms: TextQuery['terms'] = [];
  for (const part of trimmed.split(/\s+/).filter((p) => p !== '')) {
    if (part.startsWith('*') || part.startsWith('?')) return `The text query '${raw}' for field '${field}' is not allowed to start with a wildcard.`;
    const prefix = part.endsWith('*');
    const partWords = words(prefix ? part.slice(0, -1) : part);
    partWords.forEach((word, index) => terms.push({ word, prefix: prefix && index === partWords.length - 1 }));
  }
  if (terms.length === 0) return `The field '${field}' does not support searching for an empty string.`;
  return { phrase: undefined, terms };
}

export function textMatches(haystacks: readonly string[], query: TextQuery): boolean {
  const documentWords = haystacks.map(words);
  if (query.phrase) {
    const phrase = query.phrase;
    return documentWords.some((ws) => ws.some((_, start) => phrase.every((p, k) => ws[start + k] === p)));
  }
  const all = documentWords.flat();
  return query.terms.every((term) => all.some((w) => (term.prefix ? w.startsWith(term.word) : w === term.word)));
}
