import { parseNumber } from '../../src/domain';

describe('parseNumber', () => {
  it.each([
    [5, 5],
    [0, 0],
    [-2.5, -2.5],
    ['5', 5],
    [' 3.5 ', 3.5],
    ['-4', -4],
    ['+7', 7],
    ['.5', 0.5],
    ['2.', 2],
    ['1e3', 1000],
    ['-0', 0],
  ])('reads %p as %p', (value, expected) => {
    expect(parseNumber(value)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(parseNumber(-0), 0)).toBe(true);
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
  });

  it.each([
    ['five'],
    [''],
    ['   '],
    ['1,5'],
    ['5 points'],
    ['0x10'],
    ['1e400'],
    ['Infinity'],
    ['NaN'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [true],
    [false],
    [null],
    [undefined],
    [['5']],
    ['٣'],
    ['5️⃣'],
  ])('rejects %p', (value) => {
    expect(parseNumber(value as Parameters<typeof parseNumber>[0])).toBeNull();
  });
});
