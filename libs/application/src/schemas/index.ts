export * from './upcasting-event-store';
export * from './subscription-mapping';
