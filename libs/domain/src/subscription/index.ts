export * from './terms';
export * from './commands';
export * from './events';
export * from './state';
export * from './decider';
export * from './quotes';
export * from './queries';
export { requireAcceptedPayment } from './payment';
