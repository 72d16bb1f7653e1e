import { eventSchema, EventSchema, personalEmail } from '../shared/event-schema';

export const licenseEventSchemas: EventSchema[] = [
  eventSchema('LicenseIssued'),
  eventSchema('LicenseDelivered', { personal: [personalEmail('toEmail')] }),
  eventSchema('LicenseRevoked'),
];
