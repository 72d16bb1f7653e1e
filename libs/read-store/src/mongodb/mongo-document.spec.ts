import fc from 'fast-check';
import { BSON, Decimal128 } from 'mongodb';
import type { JsonValue, ReadDocument } from '../port';
import { canonicalJson } from '../shared/json';
import { exactDecimal128, fromNativeDocument, isCanonicalInstant, toNativeDocument } from './mongo-document';

/** Through the bytes MongoDB stores, as the driver writes and reads them. */
function throughBson(document: ReadDocument, indexed: string[] = []): ReadDocument {
  return fromNativeDocument(BSON.deserialize(BSON.serialize(toNativeDocument(document, new Set(indexed)))));
}

describe('MongoDB document mapping (no server needed)', () => {
  const sale: ReadDocument = {
    id: 'v-1|r-1|2026-01|USD',
    vendorId: 'v-1',
    resellerId: null,
    month: '2026-01',
    currency: 'USD',
    seatsSold: 10,
    newRevenue: '960.00',
    renewalRevenue: '0.00',
    totalRevenue: '1234567890123456789012345678.90',
    unitPrice: '-12.50',
    invoiceId: '1001',
    prices: { annual: '96.00', monthly: '8.00' },
    lines: [{ amount: '960.00', seats: 10, periodStart: '2026-01-31T00:00:00.000Z' }],
    createdAt: '2026-01-31T09:15:00.123Z',
    periodEnd: '2027-01-31',
    note: '960.00',
    nested: { deep: [1, 2.5, true, null, { at: '2026-02-01T00:00:00.000Z' }] },
  };

  it('stores amounts as Decimal128, instants as dates and ids as strings, each field as itself', () => {
    const native = toNativeDocument(sale);
    expect(native._id).toBe(sale.id);
    expect(native.id).toBeUndefined();
    for (const field of ['newRevenue', 'renewalRevenue', 'totalRevenue', 'unitPrice']) {
      expect(native[field]).toBeInstanceOf(Decimal128);
      expect(native[field].toString()).toBe(sale[field]);
    }
    expect(native.prices.annual).toBeInstanceOf(Decimal128); // a money field's map holds money
    expect(native.lines[0].amount).toBeInstanceOf(Decimal128);
    expect(native.lines[0].periodStart).toEqual(new Date('2026-01-31T00:00:00.000Z'));
    expect(native.createdAt).toEqual(new Date('2026-01-31T09:15:00.123Z'));
    expect(native.nested.deep[4].at).toBeInstanceOf(Date);
    // Not money by name, a calendar date, an id: kept as text.
    expect(native.note).toBe('960.00');
    expect(native.periodEnd).toBe('2027-01-31');
    expect(native.invoiceId).toBe('1001');
    expect(native.vendorId).toBe('v-1');
    expect(native.seatsSold).toBe(10);
    expect(native.resellerId).toBeNull();
  });

  it('reads back exactly what was written, through BSON bytes: scale, sign, precision and milliseconds kept', () => {
    expect(throughBson(sale)).toEqual(sale);
    expect(canonicalJson(throughBson(sale))).toBe(canonicalJson(sale));
    const amounts = ['0', '0.00', '-0', '-0.00', '24000', '960.00', '0.000001', '9999999999999999999999999999999999', '-1234.5678'];
    for (const amount of amounts) {
      const document = { id: 'x', amount };
      expect(toNativeDocument(document).amount).toBeInstanceOf(Decimal128);
      expect(throughBson(document)).toEqual(document);
    }
    const instants = ['1970-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2024-02-29T12:00:00.001Z'];
    for (const at of instants) {
      const document = { id: 'x', at };
      expect(toNativeDocument(document).at).toBeInstanceOf(Date);
      expect(throughBson(document)).toEqual(document);
    }
  });

  it('keeps as text what a BSON type could not give back character for character', () => {
    // Each would come back different: exponent form, leading zeros, >34 digits, no milliseconds, no such day.
    const kept = {
      id: 'x',
      amount: '0.0000001',
      total: '007',
      price: '12345678901234567890123456789012345',
      fee: '1e3',
      createdAt: '2026-01-31T00:00:00Z',
      updatedAt: '2026-02-30T00:00:00.000Z',
      at: '+010000-01-01T00:00:00.000Z',
    };
    const native = toNativeDocument(kept);
    for (const [field, value] of Object.entries(kept)) if (field !== 'id') expect(native[field]).toBe(value);
    expect(throughBson(kept)).toEqual(kept);
    expect(exactDecimal128('1.50')?.toString()).toBe('1.50');
    expect(exactDecimal128('1.5e2')).toBeNull();
    expect(isCanonicalInstant('2026-01-31T00:00:00.000Z')).toBe(true);
    expect(isCanonicalInstant('2026-01-31T00:00:00.000+00:00')).toBe(false);
  });

  it('leaves amounts in indexed fields as text (the port compares index values as text) and escapes field names MongoDB reserves', () => {
    const document = {
      id: 'x',
      total: '10.00',
      renewsAt: '2026-01-31T00:00:00.000Z',
      _id: 'mine',
      odd: { 'a.b': 1, $set: 2, '%': 3, _id: 4 },
    };
    const native = toNativeDocument(document, new Set(['total', 'renewsAt']));
    expect(native.total).toBe('10.00');
    expect(native.renewsAt).toBeInstanceOf(Date);
    expect(native._id).toBe('x');
    expect(native['%5Fid']).toBe('mine');
    expect(Object.keys(native.odd)).toEqual(['a%2Eb', '%24set', '%25', '_id']);
    expect(throughBson(document, ['total', 'renewsAt'])).toEqual(document);
  });

  it('round-trips any JSON document exactly (property)', () => {
    const key = fc.oneof(
      fc.constantFrom('amount', 'unitPrice', 'prices', 'total', 'invoiceId', 'createdAt', 'note', '_id', 'a.b', '$x', '%', '__proto__'),
      fc.string({ maxLength: 8 }),
    );
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.string(),
      fc.constantFrom('960.00', '24000', '-0.5', '007', '1e3', '0.0000001'),
      fc
        .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
    const { tree } = fc.letrec<{ tree: JsonValue }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    const document = fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.dictionary(
          key.filter((k) => k !== 'id'),
          tree,
          { maxKeys: 6 },
        ),
      )
      .map(([id, fields]) => {
        const built: Record<string, JsonValue> = {};
        for (const [k, v] of Object.entries(fields))
          Object.defineProperty(built, k, { value: v, enumerable: true, writable: true, configurable: true });
        return { ...built, id } as ReadDocument;
      });
    fc.assert(
      fc.property(document, (doc) => {
        expect(canonicalJson(throughBson(doc))).toBe(canonicalJson(doc));
        expect(throughBson(doc)).toEqual(doc);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses BSON types no read model writes', () => {
    expect(() => fromNativeDocument({ _id: 'x', n: new BSON.Long(5) })).toThrow(/Long/);
    expect(() => fromNativeDocument({ _id: new BSON.ObjectId() })).toThrow(/non-string _id/);
  });
});
