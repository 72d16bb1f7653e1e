import { PlanId, SeatCount } from '../dto-fields';

/** Neither field: the current terms (annual total, next charge date) with nothing due now. */
export class QuoteUpgradeDto {
  @SeatCount({ optional: true, description: 'Seats to add (not the new total).' })
  seats?: number;

  @PlanId({ optional: true, description: 'The plan to move all seats to.' })
  planId?: string;
}
