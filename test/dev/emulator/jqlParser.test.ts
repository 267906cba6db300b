import { JqlError } from '../../../dev/emulator/jql/errors';
import { tokenize } from '../../../dev/emulator/jql/lexer';
import { parseJql } from '../../../dev/emulator/jql/parser';

describe('JQL lexer and parser', () => {
  it('tokenizes keywords case-insensitively, symbol aliases, escapes and cf[] references', () => {
    const tokens = tokenize('cf[10020] in ("a\\"b", \'c\') and NOT x != -7d && y ~ \\u0041');
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:cf[10020]',
      'keyword:IN',
      'lparen:(',
      'string:a"b',
      'comma:,',
      'string:c',
      'rparen:)',
      'keyword:AND',
      'keyword:NOT',
      'word:x',
      'operator:!=',
      'word:-7d',
      'keyword:AND',
      'word:y',
      'operator:~',
      'word:A',
      'eof:',
    ]);
  });

  it('tracks lines and 1-based columns', () => {
    const tokens = tokenize('a = 1\n  AND b = 2');
    expect(tokens.find((t) => t.text === 'b')?.pos).toEqual({ line: 2, column: 7 });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    const query = parseJql('a = 1 OR NOT b = 2 AND c in (3, EMPTY) ORDER BY a DESC, b');
    expect(query.where).toEqual({
      kind: 'or',
      clauses: [
        expect.objectContaining({ kind: 'terminal', operator: '=' }),
        {
          kind: 'and',
          clauses: [
            { kind: 'not', clause: expect.objectContaining({ field: expect.objectContaining({ name: 'b' }) }) },
            expect.objectContaining({ operator: 'IN', operand: expect.objectContaining({ kind: 'list', items: [expect.objectContaining({ text: '3' }), expect.objectContaining({ kind: 'empty' })] }) }),
          ],
        },
      ],
    });
    expect(query.orderBy.map((o) => [o.field.name, o.direction])).toEqual([
      ['a', 'DESC'],
      ['b', undefined],
    ]);
  });

  it('parses IS NOT, NOT IN and functions with arguments', () => {
    const query = parseJql('a is not empty and b not in (x) and c >= startOfDay("-1d")');
    expect(query.where).toMatchObject({
      kind: 'and',
      clauses: [{ operator: 'IS NOT' }, { operator: 'NOT IN' }, { operator: '>=', operand: { kind: 'function', name: 'startOfDay', args: ['-1d'] } }],
    });
  });

  it('accepts an empty query and a query with only ORDER BY', () => {
    expect(parseJql('')).toEqual({ where: undefined, orderBy: [] });
    expect(parseJql('order by key').where).toBeUndefined();
  });

  it.each([
    ['a = 1 AND', 'Expecting a field name before the end of the query.'],
    ['a IS b', "Expecting 'EMPTY' or 'NULL' but got 'b'."],
    ['a IN b', "Expecting either a list or a function but got 'b'."],
    ['a = 1 ORDER key', "Expecting 'by' but got 'key'."],
    ['a = (1, 2', "Expecting either a ',' or ')' before the end of the query."],
  ])('rejects %j', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(JqlError);
    expect(() => parseJql(jql)).toThrow(message);
  });
});
