import fc from 'fast-check';
import { normalizeDeclaration } from '../shared/declaration';
import { compareKeys, encodeIndexValue, rangeKeyBounds } from '../shared/index-keys';
import { planFind } from '../shared/query-plan';
import { decodeIndexKey, indexSpecs, instantRange, keysetAfter, mongoFilter, mongoSort, rangeFilter } from './mongo-query';

// The MongoDB adapter's query translation onto native fields, checked without a server.
const info = normalizeDeclaration({
  name: 'orgs',
  indexes: [{ fields: ['resellerId', 'createdAt'] }, { fields: ['email'], unique: true }],
});

describe('MongoDB query translation', () => {
  it('decodes every index key back to its value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()), (value) => {
        const decoded = decodeIndexKey(encodeIndexValue(value));
        expect(decoded).toEqual(Object.is(value, -0) ? 0 : value);
      }),
    );
  });

  it('turns equality on an instant into a date, and a keyset cursor into "strictly after" in BSON order', () => {
    const plan = planFind(info, { where: { resellerId: 'r-1' }, sort: [{ field: 'createdAt', direction: 'desc' }] });
    const at = '2026-01-31T00:00:00.000Z';
    expect(mongoFilter(plan, { collection: 'orgs', keys: [encodeIndexValue(at)], id: 'o-9' }, plan)).toEqual({
      $and: [
        { resellerId: 'r-1' },
        {
          $or: [
            // createdAt before the cursor's date: earlier dates, null/missing, and the types BSON orders before dates
            { $or: [{ createdAt: { $lt: new Date(at) } }, { createdAt: null }, { createdAt: { $type: ['number', 'string', 'bool'] } }] },
            { $and: [{ createdAt: new Date(at) }, { _id: { $lt: 'o-9' } }] },
          ],
        },
      ],
    });
    expect(mongoSort(plan)).toEqual({ createdAt: -1, _id: -1 });
    const ascending = planFind(info, { where: { resellerId: 'r-1' }, sort: [{ field: 'createdAt', direction: 'asc' }] });
    expect(keysetAfter(ascending, { collection: 'orgs', keys: [encodeIndexValue(null)], id: 'o-1' })).toEqual({
      $or: [{ createdAt: { $ne: null } }, { $and: [{ createdAt: null }, { _id: { $gt: 'o-1' } }] }],
    });
    expect(keysetAfter(planFind(info, {}), { collection: 'orgs', keys: [], id: 'o-1' })).toEqual({ _id: { $gt: 'o-1' } });
  });

  it('keeps ranges to the type of their bounds; a string range also covers the dates whose ISO text is in it', () => {
    const numbers = rangeKeyBounds('seats', { gt: 3, lte: 8 });
    expect(rangeFilter('seats', numbers.lower, numbers.upper)).toEqual({ seats: { $gt: 3, $lte: 8 } });
    const below = rangeKeyBounds('seats', { lt: 0 });
    expect(rangeFilter('seats', below.lower, below.upper)).toEqual({ seats: { $lt: 0 } });
    const day = rangeKeyBounds('expiresAt', { gte: '2026-03-01', lt: '2026-03-02' });
    expect(rangeFilter('expiresAt', day.lower, day.upper)).toEqual({
      $or: [
        { expiresAt: { $gte: '2026-03-01', $lt: '2026-03-02' } },
        { expiresAt: { $gte: new Date('2026-03-01T00:00:00.000Z'), $lte: new Date('2026-03-01T23:59:59.999Z') } },
      ],
    });
    // No ISO text is <= "2026-03-01" on that day: it is a prefix of all of them.
    const upTo = rangeKeyBounds('expiresAt', { lte: '2026-03-01' });
    expect(rangeFilter('expiresAt', upTo.lower, upTo.upper)).toEqual({
      $or: [
        { expiresAt: { $gte: '', $lte: '2026-03-01' } },
        { expiresAt: { $gte: new Date('0000-01-01T00:00:00.000Z'), $lte: new Date('2026-02-28T23:59:59.999Z') } },
      ],
    });
    const none = rangeKeyBounds('expiresAt', { gt: 'zzz' });
    expect(rangeFilter('expiresAt', none.lower, none.upper)).toEqual({ expiresAt: { $gt: 'zzz' } });
  });

  it('finds exactly the instants whose ISO text is within any string bounds (property)', () => {
    const instant = fc
      .date({ min: new Date('1990-01-01T00:00:00.000Z'), max: new Date('2060-01-01T00:00:00.000Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const bound = fc.oneof(
      instant,
      instant.map((s) => s.slice(0, 10)),
      instant.map((s) => s.slice(0, 16)),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        bound,
        fc.boolean(),
        bound,
        fc.boolean(),
        fc.array(instant, { maxLength: 20 }),
        (lowText, lowIn, highText, highIn, samples) => {
          const range = instantRange({ text: lowText, inclusive: lowIn }, { text: highText, inclusive: highIn });
          for (const sample of samples) {
            const byText =
              (lowIn ? compareKeys(sample, lowText) >= 0 : compareKeys(sample, lowText) > 0) &&
              (highIn ? compareKeys(sample, highText) <= 0 : compareKeys(sample, highText) < 0);
            const ms = Date.parse(sample);
            const byDate = range !== null && ms >= range.from.getTime() && ms <= range.to.getTime();
            expect(byDate).toBe(byText);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('declares indexes on the fields themselves, ending with _id, plus a partial unique index ignoring null and missing values', () => {
    expect(indexSpecs(info)).toEqual([
      { key: { email: 1, _id: 1 }, name: 'by_email' },
      {
        key: { email: 1 },
        name: 'unique_email',
        unique: true,
        partialFilterExpression: { email: { $type: ['number', 'string', 'bool', 'date'] } },
      },
      { key: { resellerId: 1, createdAt: 1, _id: 1 }, name: 'by_resellerId_createdAt' },
    ]);
  });
});
