import { eventSchema, EventSchema } from '../shared/event-schema';

export const catalogEventSchemas: EventSchema[] = [
  eventSchema('PlanPublished'),
  eventSchema('PlanPriceChanged'),
  eventSchema('PlanRetired'),
];
