import fc from 'fast-check';
import { compareKeys, encodeIndexValue, rangeKeyBounds } from './index-keys';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('index keys', () => {
  it('orders numbers numerically', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        expect(sign(compareKeys(encodeIndexValue(a), encodeIndexValue(b)))).toBe(sign(a - b));
      }),
    );
  });

  it('orders strings by code point, as UTF-8 byte order does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const byCodePoint = sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(sign(compareKeys(encodeIndexValue(a), encodeIndexValue(b)))).toBe(byCodePoint);
      }),
    );
  });

  it('orders types null < false < true < numbers < strings, and folds -0 into 0', () => {
    const keys = [null, false, true, -1e300, 0, 2 ** 53, '', 'a'].map((v) => encodeIndexValue(v));
    expect([...keys].sort(compareKeys)).toEqual(keys);
    expect(encodeIndexValue(undefined)).toBe(encodeIndexValue(null));
    expect(encodeIndexValue(-0)).toBe(encodeIndexValue(0));
  });

  it('bounds a range to the type of its bounds and keeps the tighter bound', () => {
    const { lower, upper } = rangeKeyBounds('seats', { gt: 1, gte: 1, lte: 9 });
    expect(lower).toEqual({ key: encodeIndexValue(1), inclusive: false });
    expect(upper).toEqual({ key: encodeIndexValue(9), inclusive: true });
    const strings = rangeKeyBounds('name', { gte: 'm' });
    expect(compareKeys(strings.upper.key, encodeIndexValue('\u{10FFFF}'.repeat(3)))).toBeGreaterThan(0);
    expect(() => rangeKeyBounds('x', { gt: 1, lt: 'z' })).toThrow(/all numbers or all strings/);
    expect(() => rangeKeyBounds('x', {})).toThrow();
  });
});
