import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const ID = /^[A-Za-z0-9._-]{1,100}$/;

export class IssueLicenseDto {
  @ApiProperty({ description: 'The issuance right to issue under (its template, NFR flag and quota apply)' })
  @Matches(ID, { message: 'rightId must be an issuance right id' })
  rightId!: string;

  @ApiPropertyOptional({
    nullable: true,
    description:
      "The customer the license is linked to: one of the reseller's own customers or a public customer of the same vendor (rule 13); null or absent for an unlinked license (rule 14)",
  })
  @IsOptional()
  @Matches(ID, { message: 'organizationId must be an organization id' })
  organizationId?: string | null;
}
