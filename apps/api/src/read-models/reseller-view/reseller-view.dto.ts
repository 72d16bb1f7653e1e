import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ResellerSubscriptionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  organizationId?: string;

  @IsOptional()
  @IsIn(['active', 'cancelled', 'expired'])
  status?: 'active' | 'cancelled' | 'expired';
}

export class ResellerLicensesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  organizationId?: string;

  @IsOptional()
  @IsIn(['issued', 'delivered', 'revoked'])
  status?: 'issued' | 'delivered' | 'revoked';
}
