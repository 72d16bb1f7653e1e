import { BatchRejectedError, ReadStoreUsageError } from '../errors';
import type { ReadDocument } from '../port';
import { applyOperations, validateBatch } from './batch';
import { canonicalJson } from './json';

describe('batches', () => {
  it('reduces a batch to one final state per document, in operation order', () => {
    const current = new Map<string, ReadDocument | null>([['orgs/o1', { id: 'o1', name: 'Acme', seats: 1 }]]);
    const changes = applyOperations(
      [
        { type: 'patch', collection: 'orgs', id: 'o1', fields: { seats: 2 } },
        { type: 'put', collection: 'orgs', document: { id: 'o2', name: 'Beta' } },
        { type: 'delete', collection: 'orgs', id: 'o2' },
        { type: 'patch', collection: 'orgs', id: 'o1', fields: { name: 'Acme Ltd' } },
      ],
      current,
    );
    expect(changes).toEqual([
      { collection: 'orgs', id: 'o1', document: { id: 'o1', name: 'Acme Ltd', seats: 2 }, existedBefore: true },
      { collection: 'orgs', id: 'o2', document: null, existedBefore: false },
    ]);
    expect(current.get('orgs/o1')).toEqual({ id: 'o1', name: 'Acme', seats: 1 }); // input untouched
  });

  it('rejects a patch of a missing or deleted document', () => {
    expect(() => applyOperations([{ type: 'patch', collection: 'orgs', id: 'x', fields: {} }], new Map())).toThrow(BatchRejectedError);
  });

  it('validates shapes and positions before anything is written', () => {
    expect(() =>
      validateBatch({ operations: [{ type: 'put', collection: 'orgs', document: { id: 'a', at: new Date() as never } }] }),
    ).toThrow(ReadStoreUsageError);
    expect(() => validateBatch({ operations: [{ type: 'patch', collection: 'orgs', id: 'a', fields: { id: 'b' } }] })).toThrow(/id/);
    expect(() => validateBatch({ operations: [{ type: 'put', collection: 'Bad-Name', document: { id: 'a' } }] })).toThrow(/collection/);
    expect(() => validateBatch({ operations: [], checkpoint: { projection: 'p', position: '007' } })).toThrow(ReadStoreUsageError);
    expect(() => validateBatch({ operations: [], checkpoint: { projection: 'p', position: (2n ** 64n).toString() } })).toThrow(/2\^64/);
    expect(validateBatch({ operations: [], checkpoint: { projection: 'p', position: '18446744073709551615' } }).checkpoint?.position).toBe(
      2n ** 64n - 1n,
    );
  });

  it('serializes canonically: sorted keys at every level, arrays kept in order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
  });
});
