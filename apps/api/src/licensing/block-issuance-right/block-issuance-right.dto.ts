import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class BlockIssuanceRightDto {
  @ApiProperty({ example: 'Partner agreement ended', description: "Why; recorded in the right's history" })
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  reason!: string;
}
