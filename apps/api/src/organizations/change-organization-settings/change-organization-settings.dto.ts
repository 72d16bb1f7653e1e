import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

/** PATCH: a setting left out keeps its value. */
export class ChangeOrganizationSettingsDto {
  @ApiPropertyOptional({ description: "Visible to the vendor's other resellers, for license issuance only (rule 13)" })
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  customerAssociationEnabled?: boolean;
}
