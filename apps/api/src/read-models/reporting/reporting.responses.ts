import { ApiProperty } from '@nestjs/swagger';

/** Answer shapes of the vendor's dashboard. Money: decimal strings next to their currency, never summed across currencies. */

class CurrencySalesResponse {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() seatsSold!: number;
  @ApiProperty() seatsNew!: number;
  @ApiProperty() seatsAdded!: number;
  @ApiProperty() seatsRenewed!: number;
  @ApiProperty({ example: '960.00' }) newRevenue!: string;
  @ApiProperty({ example: '0.00' }) renewalRevenue!: string;
  @ApiProperty({ example: '480.00' }) expansionRevenue!: string;
  @ApiProperty({ example: '1440.00' }) totalRevenue!: string;
  @ApiProperty() invoices!: number;
}

class TransfersResponse {
  @ApiProperty() initiated!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() expired!: number;
  @ApiProperty() cancelled!: number;
}

class MonthlySalesRowResponse {
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: sold directly by the vendor.' }) resellerId!: string | null;
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty() seatsSold!: number;
  @ApiProperty() seatsRenewed!: number;
  @ApiProperty({ type: [CurrencySalesResponse] }) byCurrency!: CurrencySalesResponse[];
  @ApiProperty({ type: TransfersResponse }) ownershipTransfers!: TransfersResponse;
}

export class MonthlySalesResponse {
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: [MonthlySalesRowResponse] }) months!: MonthlySalesRowResponse[];
}

export class ReportingSubscriptionResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: String, nullable: true }) resellerId!: string | null;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'] }) channel!: string;
  @ApiProperty({ enum: ['active', 'cancelled', 'expired'] }) status!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() product!: string;
  @ApiProperty() tier!: string;
  @ApiProperty() billingPeriod!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() unitPrice!: string;
  @ApiProperty() seats!: number;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time', description: 'The next renewal date while active.' }) periodEnd!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt!: string | null;
}

class UtilizationResponse {
  @ApiProperty() rights!: number;
  @ApiProperty({ description: "Licenses granted: every right's maximum." }) granted!: number;
  @ApiProperty() used!: number;
  @ApiProperty({ description: 'Still issuable now.' }) remaining!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() blockedUnused!: number;
  @ApiProperty() expired!: number;
  @ApiProperty() expiredUnused!: number;
}

class ResellerUtilizationResponse extends UtilizationResponse {
  @ApiProperty() resellerId!: string;
}

export class UtilizationReportResponse {
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: UtilizationResponse }) total!: UtilizationResponse;
  @ApiProperty({ type: [ResellerUtilizationResponse] }) byReseller!: ResellerUtilizationResponse[];
}
