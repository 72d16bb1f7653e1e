import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class StaffAccountDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @ApiProperty({ enum: ['vendor-admin', 'support', 'auditor', 'operator'] })
  @IsIn(['vendor-admin', 'support', 'auditor', 'operator'])
  role!: 'vendor-admin' | 'support' | 'auditor' | 'operator';

  @ApiPropertyOptional({ description: 'For vendor-admin: your own vendor (the default)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  vendorId?: string;
}
