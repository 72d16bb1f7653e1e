import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length } from 'class-validator';
import { trimmed, trimmedLowerCase } from '../../http/trimmed';

export class RegisterResellerDto {
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  companyName!: string;

  /** The reseller's own address, never the end user's: verification goes there. */
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email!: string;

  /** 'alliance' is accepted here so the domain can explain why an alliance partner cannot resell. */
  @IsIn(['reseller', 'marketplace', 'alliance'])
  partnerKind!: 'reseller' | 'marketplace' | 'alliance';
}
