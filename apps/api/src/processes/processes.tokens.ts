/** The ProcessManager, or null where processes run in apps/projector instead. */
export const PROCESS_MANAGER = Symbol('ProcessManager');
/** The PaymentProvider the renewal process charges through (the sandbox one in development; none in production yet). */
export const PAYMENT_PROVIDER = Symbol('PaymentProvider');
