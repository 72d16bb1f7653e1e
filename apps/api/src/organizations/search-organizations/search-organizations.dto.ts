import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { trimmed, trimmedLowerCase } from '../../http/trimmed';

/** Exactly one of `email` and `name`. */
export class SearchOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'email', description: "A contact's, the owner's or an administrator's address (exact)" })
  @IsOptional()
  @Transform(trimmedLowerCase)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email?: string;

  @ApiPropertyOptional({ description: 'The start of the company name, in any case' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name?: string;
}
