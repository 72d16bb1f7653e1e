export * from './data-subjects';
export * from './subject-key-store';
export * from './encrypting-event-store';
export * from './ledger-event-store';
export * from './forget-data-subject';
