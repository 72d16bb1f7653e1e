import { organizationDecider, subscriptionDecider } from '@channel-ledger/domain';
import { deciderForStream, parseStreamName } from './stream-registry';

describe('stream names', () => {
  it('splits category and id, dashes in ids included', () => {
    expect(parseStreamName('issuance-right-8f2c-11')).toEqual({ category: 'issuance-right', id: '8f2c-11' });
    expect(parseStreamName('subscription-a-b')).toEqual({ category: 'subscription', id: 'a-b' });
    expect(parseStreamName('invoice-1')).toBeNull();
    expect(parseStreamName('subscription-')).toBeNull();
  });

  it('finds the decider that folds a stream', () => {
    expect(deciderForStream('subscription-1')).toBe(subscriptionDecider);
    expect(deciderForStream('organization-1')).toBe(organizationDecider);
    expect(deciderForStream('$et-whatever')).toBeNull();
  });
});
