export { effectiveAtOf } from './effective-time';
export type { TimedEvent } from './effective-time';
export { invoiceOwnerAsOf, notYetInForce, subscriptionAsOf, termsAsOf } from './subscription-as-of';
