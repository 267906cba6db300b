import { syntaxError, type Position } from './errors';

export type TokenKind = 'word' | 'string' | 'keyword' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Keywords are upper-cased (`&&` becomes AND); words and strings keep their text, escapes resolved. */
  text: string;
  pos: Position;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC']);
/** Characters Jira reserves outside quotes. */
const RESERVED = new Set(['+', '.', ';', '?', '*', '/', '%', '^', '$', '#', '@', '[', ']', '{', '}']);
const DELIMITERS = new Set(['(', ')', ',', '=', '!', '~', '<', '>', '"', "'", '&', '|']);

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const posAt = (index: number): Position => ({ line, column: index - lineStart + 1 });
  const charAt = (index: number): string | undefined => input[index];

  const readEscape = (start: number): { value: string; next: number } => {
    const kind = charAt(start + 1);
    if (kind === undefined) throw syntaxError("Illegal escape sequence '\\' at the end of the query.", posAt(start));
    if (kind === 'u') {
      const hex = input.slice(start + 2, start + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntaxError(`Illegal Unicode escape '\\u${hex}'.`, posAt(start));
      return { value: String.fromCharCode(parseInt(hex, 16)), next: start + 6 };
    }
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', ' ': ' ' };
    const value = simple[kind];
    if (value === undefined) throw syntaxError(`Illegal escape sequence '\\${kind}'.`, posAt(start));
    return { value, next: start + 2 };
  };

  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const pos = posAt(i);
    const two = input.slice(i, i + 2);
    const emit = (kind: TokenKind, text: string, length: number): void => {
      tokens.push({ kind, text, pos });
      i += length;
    };
    if (ch === '(') emit('lparen', ch, 1);
    else if (ch === ')') emit('rparen', ch, 1);
    else if (ch === ',') emit('comma', ch, 1);
    else if (two === '!=' || two === '!~' || two === '>=' || two === '<=') emit('operator', two, 2);
    else if (ch === '=' || ch === '~' || ch === '>' || ch === '<') emit('operator', ch, 1);
    else if (two === '&&' || two === '||') emit('keyword', two === '&&' ? 'AND' : 'OR', 2);
    else if (ch === '&' || ch === '|') emit('keyword', ch === '&' ? 'AND' : 'OR', 1);
    else if (ch === '!') emit('keyword', 'NOT', 1);
    else if (ch === '"' || ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        const c = charAt(j);
        if (c === undefined) throw syntaxError(`The quoted string '${input.slice(i + 1)}' has not been completed.`, pos);
        if (c === ch) break;
        if (c === '\\') {
          const escape = readEscape(j);
          value += escape.value;
          j = escape.next;
        } else {
          value += c;
          j++;
        }
      }
      tokens.push({ kind: 'string', text: value, pos });
      i = j + 1;
    } else {
      let value = '';
      let j = i;
      for (;;) {
        const c = charAt(j);
        if (c === undefined || isSpace(c) || DELIMITERS.has(c)) break;
        if (c === '\\') {
          const escape = readEscape(j);
          value += escape.value;
          j = escape.next;
          continue;
        }
        if (c === '[' && value.toLowerCase() === 'cf') {
          const match = /^\[(\d+)\]/.exec(input.slice(j));
          if (match?.[1] !== undefined) {
            value = `cf[${match[1]}]`;
            j += match[0].length;
            continue;
          }
        }
        // Jira reads 2.5 and 2026/01/31 unquoted even though '.' and '/' are otherwise reserved.
        const decimalPoint = c === '.' && /^\d+$/.test(value) && isDigit(charAt(j + 1));
        const dateSlash = c === '/' && /^\d{4}(\/\d{1,2})?$/.test(value) && isDigit(charAt(j + 1));
        if (RESERVED.has(c) && !decimalPoint && !dateSlash) {
          const code = c.charCodeAt(0).toString(16).padStart(4, '0');
          throw syntaxError(`The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`, posAt(j));
        }
        value += c;
        j++;
      }
      const upper = value.toUpperCase();
      tokens.push({ kind: KEYWORDS.has(upper) ? 'keyword' : 'word', text: KEYWORDS.has(upper) ? upper : value, pos });
      i = j;
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: posAt(i) });
  return tokens;
}
