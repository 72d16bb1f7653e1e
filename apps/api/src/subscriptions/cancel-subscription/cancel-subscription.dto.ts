import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class CancelSubscriptionDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why, for the audit trail.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  reason?: string;
}
