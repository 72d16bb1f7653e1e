export * from './pipeline';
export * from './streams';
export * from './config';
export * from './use-cases';
export * from './secrets';
export * from './license-file';
