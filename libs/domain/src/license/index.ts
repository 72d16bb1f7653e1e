export * from './commands';
export * from './events';
export * from './state';
export { licenseDecider, licenseStream } from './decider';
