export * from './decider';
export * from './types';
export * from './reseller-guard';
export * from './event-schema';
