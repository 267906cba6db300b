import type { RawFieldValue } from './model';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number from a number or a plain decimal string ("5", " 3.5 ", "-2", "1e3"); null otherwise. */
export function parseNumber(value: RawFieldValue | undefined): number | null {
  let parsed: number;
  if (typeof value === 'number') parsed = value;
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) parsed = Number(value.trim());
  else return null;
  if (!Number.isFinite(parsed)) return null;
  return parsed === 0 ? 0 : parsed; // no -0
}
