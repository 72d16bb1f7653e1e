import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Filters of a reseller's own dashboard tables (and the base of a vendor's). */
export class DashboardTableQueryDto {
  @ApiPropertyOptional({ description: 'Only figures in this ISO 4217 currency (money tables, and seats of sales in it).', example: 'USD' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like USD' })
  currency?: string;

  @ApiPropertyOptional({ description: 'First month of the period, inclusive (monthly figures).', example: '2026-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'fromMonth must be a month like 2026-01' })
  fromMonth?: string;

  @ApiPropertyOptional({ description: 'Last month of the period, inclusive (monthly figures).', example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'toMonth must be a month like 2026-12' })
  toMonth?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'json (default) or csv: the same rows, one line each, with a header of column keys.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

/** A vendor's dashboard tables may be narrowed to one reseller, or to its direct sales. */
export class VendorDashboardTableQueryDto extends DashboardTableQueryDto {
  @ApiPropertyOptional({ description: "Only this reseller's figures; `direct` for the vendor's direct sales." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._~@+:=-]{1,200}$/, { message: 'resellerId must be a reseller id or direct' })
  resellerId?: string;
}
