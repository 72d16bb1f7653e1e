import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ContactRole } from '@channel-ledger/domain';
import { trimmed } from '../../http/trimmed';
import { CONTACT_ROLES, ContactDto } from '../organization.dto';

/** Which invoice proves the resale (rule 9): one of the organization's subscriptions, issued to the reseller. */
export class InvoiceReferenceDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  subscriptionId!: string;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  invoiceId!: string;
}

export class RequestContactChangeDto {
  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES)
  role!: ContactRole;

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  /** Optional here so that the refusal can explain rule 9 instead of a bare "field missing". */
  @ApiPropertyOptional({ type: InvoiceReferenceDto, description: 'Required by rule 9: an invoice of the subscription issued to you' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InvoiceReferenceDto)
  invoice?: InvoiceReferenceDto;
}
