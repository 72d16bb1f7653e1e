export * from './license-file';
export * from './vendor-key';
export * from './license-file.query';
