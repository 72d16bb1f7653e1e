import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, Length } from 'class-validator';
import { trimmedLowerCase } from '../../http/trimmed';

export class AssignSeatDto {
  @ApiProperty({ format: 'email', description: 'The person at the customer who uses the seat.' })
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @Length(3, 254)
  email!: string;
}
