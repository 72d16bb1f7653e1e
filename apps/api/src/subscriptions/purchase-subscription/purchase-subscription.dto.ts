import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches } from 'class-validator';
import { BILLING_PERIODS, BillingPeriod } from '@channel-ledger/domain';
import { trimmedLowerCase } from '../../http/trimmed';
import { KEY, PlanId, ResellerPaymentMethodId, SeatCount } from '../dto-fields';

export class PurchaseSubscriptionDto {
  @ApiProperty({ description: 'A customer organization you manage.' })
  @IsString()
  @Matches(KEY, { message: 'organizationId must be an organization id' })
  organizationId!: string;

  @PlanId()
  planId!: string;

  @ApiProperty({ enum: BILLING_PERIODS })
  @IsIn(BILLING_PERIODS)
  billingPeriod!: BillingPeriod;

  @SeatCount()
  seats!: number;

  /** Rule 2: the person at the customer who will be offered ownership; never the reseller's own address. */
  @ApiProperty({ format: 'email', description: "The customer's contact: ownership of the organization is offered to this address." })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'customerContactEmail must be a valid e-mail address' })
  @Length(3, 254)
  customerContactEmail!: string;

  @ResellerPaymentMethodId('One of your payment methods; your default one when omitted.')
  paymentMethodId?: string;
}
