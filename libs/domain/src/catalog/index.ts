export * from './plan';
export * from './commands';
export * from './events';
export * from './state';
export * from './queries';
export * from './decider';
