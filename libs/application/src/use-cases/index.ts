export * from './ledger-context';
export * from './follow-up';
export * from './refuse';
export * from './catalog.use-cases';
export * from './organization.use-cases';
export * from './subscription.use-cases';
export * from './licensing.use-cases';
export * from './identity.use-cases';
