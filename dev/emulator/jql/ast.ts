import type { Position } from './errors';

export type Operator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'IN' | 'NOT IN' | 'IS' | 'IS NOT';

export interface FieldRef {
  /** As written in the query, without quotes. */
  name: string;
  pos: Position;
}

export type Operand =
  | { kind: 'value'; text: string; pos: Position }
  | { kind: 'empty'; pos: Position }
  | { kind: 'function'; name: string; args: string[]; pos: Position }
  | { kind: 'list'; items: Operand[]; pos: Position };

export type Clause =
  | { kind: 'and'; clauses: Clause[] }
  | { kind: 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause }
  | { kind: 'terminal'; field: FieldRef; operator: Operator; operand: Operand };

export interface SortItem {
  field: FieldRef;
  direction: 'ASC' | 'DESC' | undefined;
}

export interface Query {
  where: Clause | undefined;
  orderBy: SortItem[];
}
