export * from './commands';
export * from './events';
export * from './state';
export * from './queries';
export { VERIFICATION_VALIDITY_HOURS } from './decide';
export { resellerDecider, resellerStream } from './decider';
export { requireActingReseller } from './acting-reseller';
