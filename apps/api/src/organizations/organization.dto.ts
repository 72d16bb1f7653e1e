import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompanyDetails } from '@channel-ledger/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length } from 'class-validator';
import { trimmed, trimmedLowerCase } from '../http/trimmed';

/** Free-form company data the reseller keeps for its customer; every field optional. */
export class CompanyDetailsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  legalName?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 300)
  addressLine?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 20 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiPropertyOptional({ description: 'ISO 3166 country code or name', maxLength: 100 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  country?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 50)
  taxId?: string;
}

/** A person at the customer: a contact (primary, billing, technical). */
export class ContactDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @ApiProperty({ format: 'email' })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email!: string;
}

export const CONTACT_ROLES = ['primary', 'billing', 'technical'] as const;

/** Events hold plain JSON only: the validated DTO instance becomes a plain object of the fields given. */
export function companyDetailsOf(dto: CompanyDetailsDto | undefined): CompanyDetails {
  return Object.fromEntries(Object.entries(dto ?? {}).filter(([, value]) => typeof value === 'string'));
}
