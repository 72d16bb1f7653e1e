export * from './session';
export * from './api-key';
export * from './staff-account';
