import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class AuditTrailQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class InvoiceOwnerQueryDto {
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date or instant, e.g. 2026-03-01 or 2026-03-01T12:00:00Z' })
  at!: string;
}
