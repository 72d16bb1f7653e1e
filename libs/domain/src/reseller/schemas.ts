import { EventDataShape, eventSchema, EventSchema, personalEmail, RetiredEventType } from '../shared/event-schema';

/**
 * Reseller events. `ResellerRegistered` v1 (the shape of the first releases) named the company
 * `company` and had no `partnerKind` (every partner was a reseller); v2 is today's shape. Events
 * labelled v1 by those releases that already have today's field names pass through unchanged.
 */
export const resellerEventSchemas: EventSchema[] = [
  eventSchema('ResellerRegistered', {
    version: 2,
    upcasters: {
      1: ({ company, ...rest }: EventDataShape) => ({
        ...rest,
        companyName: rest.companyName ?? company,
        partnerKind: rest.partnerKind ?? 'reseller',
      }),
    },
    personal: [personalEmail('email')],
  }),
  eventSchema('ResellerVerificationReissued'),
  eventSchema('ResellerEmailVerified', { personal: [personalEmail('email')] }),
  eventSchema('PaymentMethodAdded'),
  eventSchema('DefaultPaymentMethodSet'),
  eventSchema('PaymentMethodRemoved'),
];

/** `ResellerSignedUp` was the first name of `ResellerRegistered` (same data as its v1). */
export const retiredResellerEventTypes: RetiredEventType[] = [
  { type: 'ResellerSignedUp', becomes: (data) => ({ type: 'ResellerRegistered', version: 1, data }) },
];
