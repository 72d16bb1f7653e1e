import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOrInstant } from '../http/date-or-instant';

export class TimeAxesQueryDto {
  @ApiPropertyOptional({
    description: 'Business time: what was in force then (a date is the start of that UTC day). Default: now.',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsDateOrInstant('asOf')
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Recorded time: only what the ledger had recorded by then. Default: everything.',
    example: '2026-03-14T12:00:00Z',
  })
  @IsOptional()
  @IsDateOrInstant('asKnownAt')
  asKnownAt?: string;
}

export class InvoiceOwnerFromLogQueryDto {
  @ApiProperty({ description: 'The business date (start of day, UTC) or instant asked about.', example: '2026-03-01' })
  @IsDateOrInstant('at')
  at!: string;

  @ApiPropertyOptional({ description: 'Recorded time: as the ledger knew it then. Default: everything.', example: '2026-03-14T12:00:00Z' })
  @IsOptional()
  @IsDateOrInstant('asKnownAt')
  asKnownAt?: string;
}
