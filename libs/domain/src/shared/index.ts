export * from './decider';
export * from './types';
export * from './reseller-guard';
