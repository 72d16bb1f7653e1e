export * from './commands';
export * from './events';
export * from './dunning';
export { autoRenewalTerms } from './pricing';
export type { AutoRenewalTerms } from './pricing';
export { isAutoRenewing } from './decide';
export { reminderKey } from './keys';
export { subscriptionRenewalDecider } from './decider';
