import { normalizeDeclaration } from '../shared/declaration';
import { encodeIndexValue } from '../shared/index-keys';
import { planFind } from '../shared/query-plan';
import { indexSpecs, mongoFilter, mongoSort } from './mongo-query';

// The MongoDB adapter's query translation, checked without a server.
const info = normalizeDeclaration({ name: 'orgs', indexes: [{ fields: ['resellerId', 'createdAt'] }, { fields: ['email'], unique: true }] });

describe('MongoDB query translation', () => {
  it('turns a plan and a cursor position into a keyset filter and sort on index keys', () => {
    const plan = planFind(info, { where: { resellerId: 'r-1', createdAt: { gte: '2025' } }, sort: [{ field: 'createdAt', direction: 'desc' }] });
    expect(mongoFilter(plan, { collection: 'orgs', keys: ['4k'], id: 'o-9' }, plan)).toEqual({
      json: { $exists: true },
      'k.resellerId': encodeIndexValue('r-1'),
      'k.createdAt': { $gte: encodeIndexValue('2025'), $lt: '5' },
      $or: [{ 'k.createdAt': { $lt: '4k' } }, { 'k.createdAt': '4k', _id: { $lt: 'o-9' } }],
    });
    expect(mongoSort(plan)).toEqual({ 'k.createdAt': -1, _id: -1 });
  });

  it('declares a query index ending with _id, plus a partial unique index ignoring null keys', () => {
    expect(indexSpecs(info)).toEqual([
      { key: { 'k.email': 1, _id: 1 }, name: 'rs_ix_0_email' },
      { key: { 'k.email': 1 }, name: 'rs_ux_0_email', unique: true, partialFilterExpression: { 'k.email': { $gt: '0' } } },
      { key: { 'k.resellerId': 1, 'k.createdAt': 1, _id: 1 }, name: 'rs_ix_1_resellerId_createdAt' },
    ]);
  });
});
