import { eventSchema, EventSchema, personalEmail } from '../shared/event-schema';

/** Subscription events: amounts, invoices and owners are not personal; contact addresses are. */
export const subscriptionEventSchemas: EventSchema[] = [
  eventSchema('SubscriptionPurchased', { personal: [personalEmail('customerContactEmail')] }),
  eventSchema('DirectPurchaseRecorded', { personal: [personalEmail('billingContactEmail')] }),
  eventSchema('SeatsPurchased'),
  eventSchema('PlanChanged'),
  eventSchema('SeatAssigned', { personal: [personalEmail('email')] }),
  eventSchema('SeatUnassigned', { personal: [personalEmail('email')] }),
  eventSchema('SubscriptionRenewed'),
  eventSchema('SubscriptionCancelled'),
  eventSchema('SubscriptionExpired'),
  eventSchema('InvoiceIssued'),
  eventSchema('InvoiceOwnerChanged'),
  eventSchema('AutoRenewalChanged'),
  eventSchema('RenewalReminded'),
  eventSchema('RenewalChargeFailed'),
];
