/** A JQL query Jira would refuse with 400; `messages` are Jira's own wording. */
export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
  }
}

export interface Position {
  line: number;
  column: number;
}

export function syntaxError(detail: string, at?: Position): JqlError {
  const where = at ? ` (line ${at.line}, character ${at.column})` : '';
  return new JqlError([`Error in the JQL Query: ${detail}${where}`]);
}
