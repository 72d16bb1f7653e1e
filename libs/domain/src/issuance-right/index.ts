export * from './commands';
export * from './events';
export * from './state';
export * from './queries';
export { issuanceRightDecider, issuanceRightStream } from './decider';
export * from './expiry';
