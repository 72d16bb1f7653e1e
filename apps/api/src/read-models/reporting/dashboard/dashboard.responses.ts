import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes of the dashboard routes (docs/reporting-schema.md describes every column). */

class DashboardScopeResponse {
  @ApiProperty({ enum: ['vendor', 'reseller'] }) kind!: string;
  @ApiPropertyOptional() vendorId?: string;
  @ApiPropertyOptional() resellerId?: string;
}

class DashboardColumnResponse {
  @ApiProperty({ example: 'newRevenue' }) key!: string;
  @ApiProperty({ example: 'New' }) label!: string;
  @ApiProperty({
    enum: ['month', 'text', 'id', 'currency', 'count', 'amount', 'percent'],
    description: "amount: a decimal string in the row's currency; count: an integer.",
  })
  type!: string;
  @ApiProperty() description!: string;
}

class DashboardFilterResponse {
  @ApiPropertyOptional({ type: String, nullable: true, description: "null: the vendor's direct sales." }) resellerId?: string | null;
  @ApiPropertyOptional({ example: 'USD' }) currency?: string;
  @ApiPropertyOptional({ example: '2026-01' }) fromMonth?: string;
  @ApiPropertyOptional({ example: '2026-12' }) toMonth?: string;
}

export class DashboardTableResponse {
  @ApiProperty({ enum: ['revenue', 'seats', 'active-subscriptions', 'renewals-due', 'transfers', 'issuance-utilization'] }) table!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: DashboardScopeResponse }) scope!: DashboardScopeResponse;
  @ApiProperty({ format: 'date-time', description: 'The instant time-dependent figures were judged at.' }) asOf!: string;
  @ApiProperty({ type: DashboardFilterResponse, description: 'The filters applied (those this table takes).' })
  filter!: DashboardFilterResponse;
  @ApiProperty({ type: [String], enum: ['period', 'currency', 'reseller'] }) filters!: string[];
  @ApiProperty({ type: [DashboardColumnResponse] }) columns!: DashboardColumnResponse[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'One object per row with exactly the keys of `columns`. Money: decimal strings next to `currency`, never summed across currencies.',
  })
  rows!: Record<string, unknown>[];
}

class DashboardPartnerResponse {
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: String, nullable: true, description: "null: the vendor's direct sales." }) resellerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) resellerName!: string | null;
  @ApiProperty({ type: [String], example: ['EUR', 'USD'] }) currencies!: string[];
}

class DashboardMonthsResponse {
  @ApiProperty({ type: String, nullable: true, example: '2025-01' }) first!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-06' }) last!: string | null;
}

class DashboardTableLinkResponse {
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '/reports/vendors/gitkraken/dashboard/revenue' }) path!: string;
}

export class DashboardOverviewResponse {
  @ApiProperty({ type: DashboardScopeResponse }) scope!: DashboardScopeResponse;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [DashboardPartnerResponse] }) partners!: DashboardPartnerResponse[];
  @ApiProperty({ type: [String], example: ['EUR', 'USD'] }) currencies!: string[];
  @ApiProperty({ type: DashboardMonthsResponse }) months!: DashboardMonthsResponse;
  @ApiProperty({ type: [DashboardTableLinkResponse] }) tables!: DashboardTableLinkResponse[];
}
