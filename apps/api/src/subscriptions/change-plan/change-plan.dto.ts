import { PlanId, ResellerPaymentMethodId } from '../dto-fields';

export class ChangePlanDto {
  @PlanId({ description: 'A plan of the same vendor sold with the same billing period and currency; a cheaper one waits for renewal.' })
  planId!: string;

  @ResellerPaymentMethodId()
  paymentMethodId?: string;
}
