import { eventSchema, EventSchema, personalEmail } from '../shared/event-schema';

/** Staff accounts' stream ids name the address (see docs/auditing.md, "Erasure"): only the data is encrypted. */
export const accessEventSchemas: EventSchema[] = [
  eventSchema('ApiKeyCreated'),
  eventSchema('ApiKeyRevoked'),
  eventSchema('SessionStarted', { personal: [personalEmail('email')] }),
  eventSchema('SessionRefreshed'),
  eventSchema('SessionEnded'),
  eventSchema('StaffAccountGranted', { personal: [personalEmail('email')] }),
  eventSchema('StaffAccountRevoked', { personal: [personalEmail('email')] }),
];
