import { IsDateOrInstant } from '../../http/date-or-instant';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_LICENSES_PER_RIGHT } from '../grant-issuance-right/grant-issuance-right.dto';

/** Either or both; a right only grows (a later expiry, more licenses). */
export class ExtendIssuanceRightDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'A later expiry than the current one' })
  @IsOptional()
  @IsDateOrInstant('expiresAt')
  expiresAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LICENSES_PER_RIGHT, description: 'More licenses than the current quota' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LICENSES_PER_RIGHT)
  maxLicenses?: number;
}
