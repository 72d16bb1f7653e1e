import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { BILLING_PERIODS, BillingPeriod } from '@channel-ledger/domain';
import { PRICE } from '../publish-plan/publish-plan.dto';

export class ChangePlanPriceDto {
  @ApiProperty({ enum: BILLING_PERIODS })
  @IsIn(BILLING_PERIODS)
  billingPeriod!: BillingPeriod;

  @ApiProperty({
    example: '108.00',
    description: 'New price of one seat for that period; existing subscriptions keep theirs until renewal',
  })
  @Matches(PRICE, { message: 'price must be a decimal amount such as "108.00"' })
  price!: string;
}
