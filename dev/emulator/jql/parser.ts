/*
 * The JQL subset the emulator understands (keywords and field names are case-insensitive):
 *
 *   query     := [ or ] [ ORDER BY sortItem { "," sortItem } ] EOF
 *   or        := and { ( OR | "||" | "|" ) and }
 *   and       := not { ( AND | "&&" | "&" ) not }
 *   not       := ( NOT | "!" ) not | "(" or ")" | clause
 *   clause    := field operator operand
 *   field     := WORD | STRING | "cf[" DIGITS "]"
 *   operator  := "=" | "!=" | "~" | "!~" | ">" | ">=" | "<" | "<=" | IN | NOT IN | IS | IS NOT
 *   operand   := EMPTY | NULL | value | function | list
 *   list      := "(" listItem { "," listItem } ")"
 *   listItem  := EMPTY | NULL | value | function
 *   function  := WORD "(" [ value { "," value } ] ")"
 *   value     := WORD | STRING            (numbers, dates and periods such as -7d are values too)
 *   sortItem  := field [ ASC | DESC ]
 *
 * IS / IS NOT take only EMPTY or NULL; IN / NOT IN take a list or a function. Which fields exist,
 * which operators a field accepts and what its values mean are checked in ./fields.ts, as Jira
 * checks them after parsing. Messages copy Jira's wording and positions are 1-based.
 */
import type { Clause, FieldRef, Operand, Operator, Query, SortItem } from './ast';
import { syntaxError } from './errors';
import { tokenize, type Token } from './lexer';

const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

export function parseJql(input: string): Query {
  return new Parser(tokenize(input)).parseQuery();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + offset] ?? last;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private isKeyword(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'keyword' && token.text === text;
  }

  private fail(expecting: string, suffix = ''): never {
    const token = this.peek();
    if (token.kind === 'eof') throw syntaxError(`Expecting ${expecting} before the end of the query.${suffix ? ` ${suffix}` : ''}`);
    throw syntaxError(`Expecting ${expecting} but got '${token.text}'.${suffix ? ` ${suffix}` : ''}`, token.pos);
  }

  parseQuery(): Query {
    let where: Clause | undefined;
    if (this.peek().kind !== 'eof' && !this.isKeyword('ORDER')) where = this.parseOr();
    const orderBy = this.isKeyword('ORDER') ? this.parseOrderBy() : [];
    if (this.peek().kind !== 'eof') this.fail("either 'OR' or 'AND'");
    return { where, orderBy };
  }

  private parseOr(): Clause {
    const clauses = [this.parseAnd()];
    while (this.isKeyword('OR')) {
      this.next();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? (clauses[0] as Clause) : { kind: 'or', clauses };
  }

  private parseAnd(): Clause {
    const clauses = [this.parseNot()];
    while (this.isKeyword('AND')) {
      this.next();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? (clauses[0] as Clause) : { kind: 'and', clauses };
  }

  private parseNot(): Clause {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', clause: this.parseNot() };
    }
    if (this.peek().kind === 'lparen') {
      this.next();
      const inner = this.parseOr();
      if (this.peek().kind !== 'rparen') this.fail("')'");
      this.next();
      return inner;
    }
    return this.parseClause();
  }

  private parseField(): FieldRef {
    const token = this.peek();
    if (token.kind !== 'word' && token.kind !== 'string') {
      if (token.kind === 'eof') this.fail('a field name');
      throw syntaxError(`Expecting a field name but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a field name.`, token.pos);
    }
    this.next();
    return { name: token.text, pos: token.pos };
  }

  private parseClause(): Clause {
    const field = this.parseField();
    const operator = this.parseOperator();
    let operand: Operand;
    if (operator === 'IS' || operator === 'IS NOT') {
      const token = this.peek();
      if (!this.isKeyword('EMPTY') && !this.isKeyword('NULL')) this.fail("'EMPTY' or 'NULL'");
      this.next();
      operand = { kind: 'empty', pos: token.pos };
    } else if (operator === 'IN' || operator === 'NOT IN') {
      if (this.peek().kind === 'lparen') operand = this.parseList();
      else if (this.peek().kind === 'word' && this.peek(1).kind === 'lparen') operand = this.parseFunction();
      else this.fail('either a list or a function');
    } else {
      operand = this.peek().kind === 'lparen' ? this.parseList() : this.parseSingleOperand();
    }
    return { kind: 'terminal', field, operator, operand };
  }

  private parseOperator(): Operator {
    const token = this.peek();
    if (token.kind === 'operator') {
      this.next();
      return token.text as Operator;
    }
    if (this.isKeyword('IN')) {
      this.next();
      return 'IN';
    }
    if (this.isKeyword('NOT') && this.isKeyword('IN', 1)) {
      this.next();
      this.next();
      return 'NOT IN';
    }
    if (this.isKeyword('IS')) {
      this.next();
      if (this.isKeyword('NOT')) {
        this.next();
        return 'IS NOT';
      }
      return 'IS';
    }
    return this.fail('operator', VALID_OPERATORS);
  }

  private parseSingleOperand(): Operand {
    const token = this.peek();
    if (this.isKeyword('EMPTY') || this.isKeyword('NULL')) {
      this.next();
      return { kind: 'empty', pos: token.pos };
    }
    if (token.kind === 'word' && this.peek(1).kind === 'lparen') return this.parseFunction();
    if (token.kind === 'word' || token.kind === 'string') {
      this.next();
      return { kind: 'value', text: token.text, pos: token.pos };
    }
    if (token.kind === 'eof') return this.fail('either a value, list or function');
    throw syntaxError(
      `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
      token.pos,
    );
  }

  private parseList(): Operand {
    const open = this.next();
    const items: Operand[] = [this.parseSingleOperand()];
    while (this.peek().kind === 'comma') {
      this.next();
      items.push(this.parseSingleOperand());
    }
    if (this.peek().kind !== 'rparen') this.fail("either a ',' or ')'");
    this.next();
    return { kind: 'list', items, pos: open.pos };
  }

  private parseFunction(): Operand {
    const name = this.next();
    this.next();
    const args: string[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        const arg = this.peek();
        if (arg.kind !== 'word' && arg.kind !== 'string') this.fail('a function argument');
        this.next();
        args.push(arg.text);
        if (this.peek().kind !== 'comma') break;
        this.next();
      }
    }
    if (this.peek().kind !== 'rparen') this.fail("either a ',' or ')'");
    this.next();
    return { kind: 'function', name: name.text, args, pos: name.pos };
  }

  private parseOrderBy(): SortItem[] {
    this.next();
    if (!this.isKeyword('BY')) this.fail("'by'");
    this.next();
    const items: SortItem[] = [];
    for (;;) {
      const field = this.parseField();
      let direction: SortItem['direction'];
      if (this.isKeyword('ASC') || this.isKeyword('DESC')) direction = this.next().text as 'ASC' | 'DESC';
      items.push({ field, direction });
      if (this.peek().kind !== 'comma') break;
      this.next();
    }
    if (this.peek().kind !== 'eof') this.fail("either a ',' or the end of the query");
    return items;
  }
}
