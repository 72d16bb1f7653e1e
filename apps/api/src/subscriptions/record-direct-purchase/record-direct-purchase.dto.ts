import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches } from 'class-validator';
import { BILLING_PERIODS, BillingPeriod, PaymentMethodKind } from '@channel-ledger/domain';
import { trimmedLowerCase } from '../../http/trimmed';
import { KEY, PlanId, SeatCount } from '../dto-fields';

const PAYMENT_METHOD_KINDS: PaymentMethodKind[] = ['card', 'paypal', 'ach', 'invoice'];

/**
 * Rule 11: a new purchase from the vendor; nothing (seats, term) is taken from the reseller's
 * subscription. The ledger keeps no wallet for customers: the payment method is the vendor's
 * payment-provider reference and its kind, recorded as given (rule 6 still applies to the kind).
 */
export class RecordDirectPurchaseDto {
  @PlanId()
  planId!: string;

  @ApiProperty({ enum: BILLING_PERIODS })
  @IsIn(BILLING_PERIODS)
  billingPeriod!: BillingPeriod;

  @SeatCount({ description: 'Seats of the new subscription; not taken from the reseller purchase.' })
  seats!: number;

  @ApiProperty({ format: 'email', description: 'Who receives the invoices: the organization is its own invoice owner now.' })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'billingContactEmail must be a valid e-mail address' })
  @Length(3, 254)
  billingContactEmail!: string;

  @ApiProperty({ example: 'pm_1PqGx2', description: "The payment provider's reference for your payment method; never card data." })
  @IsString()
  @Matches(KEY, { message: 'paymentMethodId must be a payment-provider reference (letters, digits, . _ -)' })
  paymentMethodId!: string;

  @ApiProperty({ enum: PAYMENT_METHOD_KINDS, description: 'invoice (net terms) is for the Enterprise tier only.' })
  @IsIn(PAYMENT_METHOD_KINDS)
  paymentMethodKind!: PaymentMethodKind;
}
