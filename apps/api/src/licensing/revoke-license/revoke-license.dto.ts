import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class RevokeLicenseDto {
  @ApiProperty({ example: 'Customer refunded', description: "Why; recorded in the license's history" })
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  reason!: string;
}
