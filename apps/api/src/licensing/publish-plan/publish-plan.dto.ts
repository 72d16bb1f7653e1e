import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PLAN_TIERS, PlanTier } from '@channel-ledger/domain';
import { trimmed } from '../../http/trimmed';

/** A decimal string; the decider checks it against the currency's minor unit. */
export const PRICE = /^\d{1,12}(\.\d{1,4})?$/;

export class PlanPricesDto {
  @ApiPropertyOptional({ example: '10.00', description: 'Price of one seat for one month' })
  @IsOptional()
  @Matches(PRICE, { message: 'monthly must be a decimal amount such as "10.00"' })
  monthly?: string;

  @ApiPropertyOptional({ example: '96.00', description: 'Price of one seat for one year' })
  @IsOptional()
  @Matches(PRICE, { message: 'annual must be a decimal amount such as "96.00"' })
  annual?: string;
}

export class PublishPlanDto {
  @ApiProperty({ example: 'gitlens-pro', description: "The plan's id in this vendor's catalog" })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'planId must be 1-64 lower-case letters, digits, . _ or -' })
  planId!: string;

  @ApiProperty({ example: 'GitLens' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  product!: string;

  @ApiProperty({ enum: PLAN_TIERS, description: 'Enterprise is the only tier that may be paid on invoice (rule 6)' })
  @IsIn(PLAN_TIERS)
  tier!: PlanTier;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @ApiProperty({ type: PlanPricesDto, description: 'Per-seat price for each billing period the plan is sold with' })
  @IsObject()
  @ValidateNested()
  @Type(() => PlanPricesDto)
  prices!: PlanPricesDto;
}
