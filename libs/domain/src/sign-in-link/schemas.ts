import { eventSchema, EventSchema, personalEmail } from '../shared/event-schema';

export const signInLinkEventSchemas: EventSchema[] = [
  eventSchema('SignInLinkIssued', { personal: [personalEmail('email')] }),
  eventSchema('SignInLinkUsed', { personal: [personalEmail('email')] }),
];
