export * from './payment-provider';
export * from './sandbox-payment-provider';
export * from './payment-provider-for';
