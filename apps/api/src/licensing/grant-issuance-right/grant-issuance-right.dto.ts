import { IsDateOrInstant } from '../../http/date-or-instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export const MAX_LICENSES_PER_RIGHT = 1_000_000;

export class GrantIssuanceRightDto {
  @ApiProperty({ description: 'The reseller that may issue licenses under the right' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'resellerId must be a reseller id' })
  resellerId!: string;

  @ApiProperty({ example: 'gitlens-pro-offline', description: 'The license template every license of this right is issued from' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  licenseTemplateId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LICENSES_PER_RIGHT, description: 'At most this many licenses (rule 12)' })
  @IsInt()
  @Min(1)
  @Max(MAX_LICENSES_PER_RIGHT)
  maxLicenses!: number;

  @ApiProperty({ format: 'date-time', description: 'No license can be issued under the right from this instant on' })
  @IsDateOrInstant('expiresAt')
  expiresAt!: string;

  @ApiPropertyOptional({ default: false, description: 'A Not-For-Resale grant: every license issued under it is flagged NFR (rule 14)' })
  @IsOptional()
  @IsBoolean()
  nfr?: boolean;
}
