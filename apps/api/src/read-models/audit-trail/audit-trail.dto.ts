import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsDateOrInstant } from '../../http/date-or-instant';

export class AuditTrailQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Oldest first (default) or newest first.' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({
    description: 'Events that took effect (business time) on or after this date/instant; the trail is then in business-time order.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsDateOrInstant('from')
  from?: string;

  @ApiPropertyOptional({
    description: 'Events that took effect on or before this date (the whole day, UTC) or instant.',
    example: '2026-06-30',
  })
  @IsOptional()
  @IsDateOrInstant('to')
  to?: string;
}

export class InvoiceOwnerQueryDto {
  @ApiProperty({ description: 'The date (start of day, UTC) or instant asked about.', example: '2026-03-01' })
  @IsDateOrInstant('at')
  at!: string;
}
