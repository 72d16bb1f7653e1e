import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail } from 'class-validator';
import { trimmedLowerCase } from '../../http/trimmed';

export class InitiateOwnershipTransferDto {
  /** The customer's own address: the offer is mailed there and only it can accept (rule 2). */
  @ApiProperty({ format: 'email', description: "The customer's address; the offer is mailed there and only that address can accept" })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'toEmail must be a valid e-mail address' })
  toEmail!: string;
}
