import { NotIndexedError, ReadStoreUsageError } from '../errors';
import type { CollectionInfo } from '../port';
import { normalizeDeclaration } from './declaration';
import { planFind } from './query-plan';

const info: CollectionInfo = normalizeDeclaration({
  name: 'reseller_view',
  indexes: [{ fields: ['vendorId', 'resellerId', 'createdAt'] }, { fields: ['email'], unique: true }],
});

describe('query planning against declared indexes', () => {
  it.each([
    ['no filter, id order', {}],
    ['equality prefix in any order', { where: { resellerId: 'r', vendorId: 'v' } }],
    [
      'equality prefix + sort on the next field',
      { where: { vendorId: 'v', resellerId: 'r' }, sort: [{ field: 'createdAt', direction: 'desc' }] },
    ],
    ['range on the next field', { where: { vendorId: 'v', resellerId: { gte: 'a' } } }],
    [
      'sort on the leading fields',
      {
        sort: [
          { field: 'vendorId', direction: 'asc' },
          { field: 'resellerId', direction: 'asc' },
        ],
      },
    ],
    ['sort on an equality field is ignored', { where: { email: 'a@b.c' }, sort: [{ field: 'email', direction: 'asc' }] }],
  ] as const)('accepts %s', (_label, query) => {
    expect(() => planFind(info, query as never)).not.toThrow();
  });

  it.each([
    ['a field in no index', { where: { name: 'x' } }],
    ['a non-leading field', { where: { resellerId: 'r' } }],
    ['a gap in the prefix', { where: { vendorId: 'v', createdAt: '2025' } }],
    ['a range before the sort field', { where: { vendorId: { gt: 'a' } }, sort: [{ field: 'resellerId', direction: 'asc' }] }],
    [
      'mixed directions',
      {
        sort: [
          { field: 'vendorId', direction: 'asc' },
          { field: 'resellerId', direction: 'desc' },
        ],
      },
    ],
  ] as const)('refuses %s with NotIndexedError', (_label, query) => {
    expect(() => planFind(info, query as never)).toThrow(NotIndexedError);
  });

  it('defaults the order to the range field and validates limits and conditions', () => {
    expect(planFind(info, { where: { email: { gt: 'a' } } }).orderFields).toEqual(['email']);
    expect(() => planFind(info, { limit: 0 })).toThrow(ReadStoreUsageError);
    expect(() => planFind(info, { where: { email: ['a'] as never } })).toThrow(ReadStoreUsageError);
    expect(() => planFind(info, { where: { email: { like: 'a' } as never } })).toThrow(/Unknown range operator/);
  });

  it('gives different fingerprints to different queries', () => {
    const a = planFind(info, { where: { vendorId: 'v' } }).fingerprint;
    expect(planFind(info, { where: { vendorId: 'v' }, limit: 3 }).fingerprint).toBe(a);
    expect(planFind(info, { where: { vendorId: 'w' } }).fingerprint).not.toBe(a);
  });
});
