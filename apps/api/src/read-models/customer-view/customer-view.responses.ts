import { ApiProperty } from '@nestjs/swagger';

/** Answer shapes of the customer view (rule 8: read-only, never the reseller's prices or invoices). */

class ResellerRefResponse {
  @ApiProperty() resellerId!: string;
  @ApiProperty() companyName!: string;
}

class BoughtThroughResponse extends ResellerRefResponse {
  @ApiProperty({ example: 'Bought through Acme Resale — changes go through them' }) note!: string;
}

class OrganizationOwnerResponse {
  @ApiProperty({ enum: ['reseller', 'customer'] }) kind!: string;
  @ApiProperty({ required: false }) resellerId?: string;
  @ApiProperty({ required: false }) companyName?: string;
  @ApiProperty({ required: false }) email?: string;
}

class OwnershipOfferResponse {
  @ApiProperty() transferId!: string;
  @ApiProperty() toEmail!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

class CustomerContactResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() email!: string;
}

class CustomerContactsResponse {
  @ApiProperty({ type: CustomerContactResponse, nullable: true }) primary!: CustomerContactResponse | null;
  @ApiProperty({ type: CustomerContactResponse, nullable: true }) billing!: CustomerContactResponse | null;
  @ApiProperty({ type: CustomerContactResponse, nullable: true }) technical!: CustomerContactResponse | null;
}

class AdministratorResponse {
  @ApiProperty() invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['invited', 'accepted'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt!: string | null;
}

class CustomerSubscriptionResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'] }) channel!: string;
  @ApiProperty({ type: ResellerRefResponse, nullable: true, description: 'Whom to ask about it; null when bought directly.' })
  boughtThrough!: ResellerRefResponse | null;
  @ApiProperty() planId!: string;
  @ApiProperty() product!: string;
  @ApiProperty() tier!: string;
  @ApiProperty({ enum: ['monthly', 'annual'] }) billingPeriod!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() seatsAssigned!: number;
  @ApiProperty({ type: [String] }) assignedTo!: string[];
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty({ enum: ['active', 'cancelled', 'expired'] }) status!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a cancelled subscription stops.' }) cancelAt!:
    string | null;
}

class CustomerLicenseResponse {
  @ApiProperty() licenseId!: string;
  @ApiProperty() licenseTemplateId!: string;
  @ApiProperty({ description: 'Not for resale.' }) nfr!: boolean;
  @ApiProperty({ enum: ['issued', 'delivered', 'revoked'] }) status!: string;
  @ApiProperty({ description: 'Downloadable: issued or delivered, and not revoked.' }) available!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/licenses/license-1/file',
    description: 'Where to download the license file; null when not available.',
  })
  fileUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: String, nullable: true }) deliveredTo!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
}

export class CustomerOrganizationResponse {
  @ApiProperty() organizationId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) companyDetails!: Record<string, string>;
  @ApiProperty({ type: ResellerRefResponse }) managingReseller!: ResellerRefResponse;
  @ApiProperty({
    type: BoughtThroughResponse,
    nullable: true,
    description: 'Rule 8: whom to ask for changes; null when the customer buys directly.',
  })
  boughtThrough!: BoughtThroughResponse | null;
  @ApiProperty({ type: OrganizationOwnerResponse }) owner!: OrganizationOwnerResponse;
  @ApiProperty({ type: OwnershipOfferResponse, nullable: true, description: 'An ownership offer still open now.' })
  pendingTransfer!: OwnershipOfferResponse | null;
  @ApiProperty({ type: CustomerContactsResponse }) contacts!: CustomerContactsResponse;
  @ApiProperty({ type: [AdministratorResponse] }) administrators!: AdministratorResponse[];
  @ApiProperty({ type: [CustomerSubscriptionResponse] }) subscriptions!: CustomerSubscriptionResponse[];
  @ApiProperty({ type: [CustomerLicenseResponse] }) licenses!: CustomerLicenseResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MyOrganizationResponse {
  @ApiProperty() organizationId!: string;
  @ApiProperty({ enum: ['owner', 'administrator'] }) role!: string;
  @ApiProperty({ type: CustomerOrganizationResponse, nullable: true }) organization!: CustomerOrganizationResponse | null;
}
