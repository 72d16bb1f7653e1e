import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { trimmed, trimmedLowerCase } from '../../http/trimmed';
import { CompanyDetailsDto } from '../organization.dto';

export class CreateCustomerOrganizationDto {
  /** Rule 13: the organization belongs to this one vendor. */
  @ApiProperty({ description: 'The vendor whose products the customer buys (rule 13: one vendor per organization)' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  vendorId!: string;

  @ApiProperty({ description: "The customer's organization name", maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: CompanyDetailsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyDetailsDto)
  companyDetails?: CompanyDetailsDto;

  /** Rule 2: the customer's own address (not the reseller's); the ownership offer goes there. */
  @ApiProperty({ format: 'email', description: "The customer's own contact address, never the reseller's (rule 2)" })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'customerContactEmail must be a valid e-mail address' })
  customerContactEmail!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  customerContactName?: string;

  @ApiPropertyOptional({ default: false, description: "Visible to the vendor's other resellers, for license issuance only (rule 13)" })
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  customerAssociationEnabled?: boolean;
}
