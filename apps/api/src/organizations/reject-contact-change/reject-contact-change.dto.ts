import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class RejectContactChangeDto {
  /** Recorded and shown to the reseller, so it knows what to send next time. */
  @ApiProperty({ maxLength: 1000, description: 'Why, in words the reseller understands' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
