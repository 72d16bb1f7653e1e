import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { trimmed } from '../../http/trimmed';
import { Role, ROLES } from '../../access/principal';

export class RequestSignInLinkDto {
  @ApiProperty({ example: 'sales@acme.example' })
  @Transform(trimmed)
  @IsEmail()
  @Length(3, 254)
  email!: string;
}

export class StartSessionDto {
  @ApiProperty({ description: 'The credential from the sign-in mail: <linkId>.<token>' })
  @IsString()
  @Length(40, 160)
  token!: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Needed only when the address holds several roles' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Reseller or vendor id, with role, when the address holds several of that role' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9@._+-]{1,254}$/)
  tenantId?: string;
}

export class RefreshSessionDto {
  @ApiProperty()
  @IsString()
  @Length(40, 160)
  refreshToken!: string;
}
