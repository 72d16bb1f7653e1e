import {
  apiKeyDecider,
  catalogDecider,
  Decider,
  DomainEvent,
  issuanceRightDecider,
  licenseDecider,
  organizationDecider,
  resellerDecider,
  sessionDecider,
  signInLinkDecider,
  staffAccountDecider,
  subscriptionDecider,
} from '@channel-ledger/domain';

type AnyDecider = Pick<Decider<never, DomainEvent, unknown>, 'initialState' | 'evolve'>;

/** Longest prefix first: `issuance-right-` and `sign-in-link-` contain dashes of their own. */
const CATEGORIES: readonly [string, AnyDecider][] = [
  ['issuance-right', issuanceRightDecider as unknown as AnyDecider],
  ['staff-account', staffAccountDecider as unknown as AnyDecider],
  ['api-key', apiKeyDecider as unknown as AnyDecider],
  ['sign-in-link', signInLinkDecider as unknown as AnyDecider],
  ['organization', organizationDecider as unknown as AnyDecider],
  ['subscription', subscriptionDecider as unknown as AnyDecider],
  ['reseller', resellerDecider as unknown as AnyDecider],
  ['license', licenseDecider as unknown as AnyDecider],
  ['catalog', catalogDecider as unknown as AnyDecider],
  ['session', sessionDecider as unknown as AnyDecider],
];

export interface StreamName {
  category: string;
  id: string;
}

/** `subscription-42` → { category: 'subscription', id: '42' }; null for a name outside the catalog. */
export function parseStreamName(streamId: string): StreamName | null {
  for (const [category] of CATEGORIES) {
    if (streamId.startsWith(`${category}-`) && streamId.length > category.length + 1) {
      return { category, id: streamId.slice(category.length + 1) };
    }
  }
  return null;
}

/** The decider whose evolve folds a stream of this name (for replay and as-of state). */
export function deciderForStream(streamId: string): AnyDecider | null {
  const name = parseStreamName(streamId);
  return name ? (CATEGORIES.find(([c]) => c === name.category)?.[1] ?? null) : null;
}
