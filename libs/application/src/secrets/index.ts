export * from './secrets';
export * from './mailed-tokens';
