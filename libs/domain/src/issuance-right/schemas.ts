import { eventSchema, EventSchema } from '../shared/event-schema';

export const issuanceRightEventSchemas: EventSchema[] = [
  eventSchema('IssuanceRightGranted'),
  eventSchema('IssuanceRightBlocked'),
  eventSchema('IssuanceRightExtended'),
  eventSchema('IssuanceRightConsumed'),
  eventSchema('IssuanceRightExpired'),
];
