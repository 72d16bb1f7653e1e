import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { trimmed } from '../../http/trimmed';
import { IsDateOrInstant } from '../../http/date-or-instant';

export const CUSTOMER_STATUSES = ['reseller-owned', 'customer-owned', 'transfer-pending'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export class ResellerCustomersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Start of the name, case-insensitive ("glo" finds "Globex"); empty finds every name.',
    example: 'glo',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(0, 200)
  name?: string;

  @ApiPropertyOptional({
    enum: CUSTOMER_STATUSES,
    description:
      'reseller-owned: the reseller still owns the organization (rule 2); customer-owned: the customer accepted ownership; ' +
      'transfer-pending: reseller-owned with an ownership offer still open now (soonest deadline first).',
  })
  @IsOptional()
  @IsIn(CUSTOMER_STATUSES)
  status?: CustomerStatus;
}

export class ResellerSubscriptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the subscriptions of this customer organization.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  organizationId?: string;

  @ApiPropertyOptional({ enum: ['active', 'cancelled', 'expired'], description: 'Defaults to active when a renewal window is given.' })
  @IsOptional()
  @IsIn(['active', 'cancelled', 'expired'])
  status?: 'active' | 'cancelled' | 'expired';

  @ApiPropertyOptional({
    description: 'Renewing (next charge) on or after this date/instant; the list is then soonest first.',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsDateOrInstant('renewsFrom')
  renewsFrom?: string;

  @ApiPropertyOptional({ description: 'Renewing on or before this date (the whole day) or instant.', example: '2026-03-31' })
  @IsOptional()
  @IsDateOrInstant('renewsTo')
  renewsTo?: string;
}

export class ResellerLicensesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the licenses issued to this customer organization.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  organizationId?: string;

  @ApiPropertyOptional({ enum: ['issued', 'delivered', 'revoked'] })
  @IsOptional()
  @IsIn(['issued', 'delivered', 'revoked'])
  status?: 'issued' | 'delivered' | 'revoked';
}

export class PublicCustomersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: "Only this vendor's public customers (default: every vendor the reseller holds a usable issuance right of).",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  vendorId?: string;
}
