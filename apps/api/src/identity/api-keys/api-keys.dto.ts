import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Grafana dashboard' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ description: 'A read-only key may only use GET routes (dashboards)', default: false })
  @IsIn([true, false])
  readOnly: boolean = false;
}
