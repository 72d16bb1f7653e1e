import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { trimmed } from '../../http/trimmed';
import { CompanyDetailsDto } from '../organization.dto';

/** The whole set, as PUT replaces it: details left out are removed. */
export class ChangeCompanyDetailsDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: CompanyDetailsDto })
  @ValidateNested()
  @Type(() => CompanyDetailsDto)
  companyDetails: CompanyDetailsDto = {};
}
