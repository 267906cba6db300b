const ZERO = 48;
const NINE = 57;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** End of the run of digits starting at `from`. */
function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
  return end;
}

/** Start of the significant digits of a run (leading zeros skipped). */
function significantStart(text: string, from: number, end: number): number {
  let start = from;
  while (start < end && text.charCodeAt(start) === ZERO) start += 1;
  return start;
}

/**
 * Compares two strings with runs of digits compared as numbers of any length: "PAY-9" < "PAY-10" < "PAZ-1".
 * Other characters compare by code unit, so callers lower-case first for a case-insensitive order.
 * Runs that differ only in leading zeros are equal. No allocation: fit for sorting 100,000 rows.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const endA = digitsEnd(a, i);
      const endB = digitsEnd(b, j);
      const startA = significantStart(a, i, endA);
      const startB = significantStart(b, j, endB);
      if (endA - startA !== endB - startB) return endA - startA - (endB - startB);
      for (let k = 0; k < endA - startA; k += 1) {
        const difference = a.charCodeAt(startA + k) - b.charCodeAt(startB + k);
        if (difference !== 0) return difference;
      }
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i += 1;
    j += 1;
  }
  return a.length - i - (b.length - j);
}
