import { PlanId, ResellerPaymentMethodId, SeatCount } from '../dto-fields';

export class RenewSubscriptionDto {
  @SeatCount({
    optional: true,
    description: 'Seats for the next period; the current count when omitted. Fewer seats take effect only here.',
  })
  seats?: number;

  @PlanId({ optional: true, description: 'The plan to renew on; the current one when omitted. A downgrade happens here.' })
  planId?: string;

  @ResellerPaymentMethodId()
  paymentMethodId?: string;
}
