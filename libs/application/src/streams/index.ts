export * from './stream-registry';
