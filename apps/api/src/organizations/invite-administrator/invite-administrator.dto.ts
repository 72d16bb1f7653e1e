import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail } from 'class-validator';
import { trimmedLowerCase } from '../../http/trimmed';

export class InviteAdministratorDto {
  @ApiProperty({
    format: 'email',
    description: 'The invitation is mailed there; it must be accepted signed in with this address (rule 15)',
  })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email!: string;
}
