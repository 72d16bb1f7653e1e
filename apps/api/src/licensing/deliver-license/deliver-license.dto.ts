import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trimmedLowerCase } from '../../http/trimmed';

export class DeliverLicenseDto {
  @ApiProperty({ format: 'email', description: "The customer's address; never any reseller's (rule 10)" })
  @Transform(trimmedLowerCase)
  @MaxLength(254)
  @IsEmail({}, { message: 'recipientEmail must be a valid e-mail address' })
  recipientEmail!: string;
}
