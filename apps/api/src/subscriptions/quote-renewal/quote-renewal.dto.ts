import { Type } from 'class-transformer';
import { PlanId, SeatCount } from '../dto-fields';

/** Query string: what the renewal would cost with other seats or plan; the current ones when omitted. */
export class QuoteRenewalDto {
  @Type(() => Number)
  @SeatCount({ optional: true, description: 'Seats for the next period.' })
  seats?: number;

  @PlanId({ optional: true, description: 'The plan to renew on.' })
  planId?: string;
}
