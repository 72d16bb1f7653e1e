export * from './commands';
export * from './events';
export * from './state';
export * from './queries';
export { OWNERSHIP_TRANSFER_VALIDITY_DAYS } from './decide';
export { organizationDecider, organizationStream } from './decider';
export { resolveActing } from './access';
export * from './reminders/ownership-transfer-reminder';
