import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthlySalesQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  resellerId?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'fromMonth must be a month like 2026-01' })
  fromMonth?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'toMonth must be a month like 2026-12' })
  toMonth?: string;
}

export class VendorSubscriptionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  resellerId?: string;
}

export class RenewalsDueQueryDto extends VendorSubscriptionsQueryDto {
  @Type(() => Number)
  @IsIn([30, 60, 90], { message: 'withinDays must be 30, 60 or 90' })
  withinDays!: 30 | 60 | 90;
}
