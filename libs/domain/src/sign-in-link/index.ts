export * from './commands';
export * from './events';
export * from './state';
export { SIGN_IN_LINK_VALIDITY_HOURS } from './decide';
export { signInLinkDecider, signInLinkStream } from './decider';
