import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthlySalesQueryDto {
  @ApiPropertyOptional({ description: "Only this reseller's sales." })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  resellerId?: string;

  @ApiPropertyOptional({ description: 'First month, inclusive.', example: '2026-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'fromMonth must be a month like 2026-01' })
  fromMonth?: string;

  @ApiPropertyOptional({ description: 'Last month, inclusive.', example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'toMonth must be a month like 2026-12' })
  toMonth?: string;
}

export class VendorSubscriptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the subscriptions this reseller sold.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  resellerId?: string;
}

export class RenewalsDueQueryDto extends VendorSubscriptionsQueryDto {
  @ApiProperty({ enum: [30, 60, 90], description: 'Renewals due within this many days from now.' })
  @Type(() => Number)
  @IsIn([30, 60, 90], { message: 'withinDays must be 30, 60 or 90' })
  withinDays!: 30 | 60 | 90;
}
