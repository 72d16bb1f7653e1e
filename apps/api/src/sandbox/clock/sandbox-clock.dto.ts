import { IsDateOrInstant } from '../../http/date-or-instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Ten years: far enough for any renewal walk-through, not so far that dates leave the supported range. */
export const MAX_ADVANCE_DAYS = 3660;

export class SetClockDto {
  @ApiProperty({ format: 'date-time', example: '2026-07-01T09:00:00Z', description: 'Not before the clock’s current time.' })
  @IsDateOrInstant('now')
  @Matches(/^20\d\d-\d\d-\d\dT/, { message: 'now must be a date-time (with a time) in the years 2000 to 2099' })
  now!: string;
}

export class AdvanceClockDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ADVANCE_DAYS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS)
  days?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ADVANCE_DAYS * 24 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS * 24)
  hours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ADVANCE_DAYS * 24 * 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS * 24 * 60)
  minutes?: number;
}
