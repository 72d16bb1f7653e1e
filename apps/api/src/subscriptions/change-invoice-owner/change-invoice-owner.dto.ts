import { IsDateOrInstant } from '../../http/date-or-instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsString,
  isEmail,
  isUUID,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { trimmed } from '../../http/trimmed';

/** A field that belongs to one kind of owner: required with it, refused with the other (no silently ignored input). */
function OnlyFor(kind: 'reseller' | 'organization', valid: (value: unknown) => boolean, shape: string) {
  return ValidateBy({
    name: 'onlyForKind',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as { kind?: unknown }).kind === kind ? valid(value) : value === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        (args?.object as { kind?: unknown }).kind === kind
          ? `${args?.property} must be ${shape} when kind is ${kind}`
          : `${args?.property} goes only with kind ${kind}`,
    },
  });
}

export class NewInvoiceOwnerDto {
  @ApiProperty({ enum: ['reseller', 'organization'] })
  @IsIn(['reseller', 'organization'])
  kind!: 'reseller' | 'organization';

  @ApiPropertyOptional({ format: 'uuid', description: 'With kind reseller: the (verified) reseller that receives the invoices.' })
  @OnlyFor('reseller', (v) => typeof v === 'string' && isUUID(v), 'a reseller id')
  resellerId?: string;

  @ApiPropertyOptional({ format: 'email', description: "With kind organization: the organization's billing contact." })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @OnlyFor('organization', (v) => typeof v === 'string' && v.length <= 254 && isEmail(v), 'an e-mail address')
  billingContactEmail?: string;
}

export class ChangeInvoiceOwnerDto {
  @ApiProperty({ type: NewInvoiceOwnerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => NewInvoiceOwnerDto)
  newOwner!: NewInvoiceOwnerDto;

  /** Business time: earlier invoices keep the owner they were issued to. */
  @ApiProperty({
    format: 'date-time',
    example: '2026-07-01T00:00:00Z',
    description: 'From when; between the purchase and the end of the paid time.',
  })
  @IsDateOrInstant('effectiveAt')
  @Matches(/^20\d\d-\d\d-\d\dT/, { message: 'effectiveAt must be a date-time (with a time) in the years 2000 to 2099' })
  effectiveAt!: string;

  @ApiProperty({ maxLength: 1000, description: 'Why (a ticket, the request); it is part of the audit trail.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
