export * from './currency';
export * from './amount';
export * from './billing-period';
export * from './proration';
export * from './invoice-line';
