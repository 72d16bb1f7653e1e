import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes of the reseller view, for the OpenAPI document (the projection's documents are the truth). */

class ContactResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() email!: string;
}

class ContactsResponse {
  @ApiProperty({ type: ContactResponse, nullable: true }) primary!: ContactResponse | null;
  @ApiProperty({ type: ContactResponse, nullable: true }) billing!: ContactResponse | null;
  @ApiProperty({ type: ContactResponse, nullable: true }) technical!: ContactResponse | null;
}

class OwnerResponse {
  @ApiProperty({ enum: ['reseller', 'customer'] }) kind!: string;
  @ApiPropertyOptional({ description: 'When the reseller owns it.' }) resellerId?: string;
  @ApiPropertyOptional({ description: 'When the customer accepted ownership.' }) email?: string;
}

class PendingTransferResponse {
  @ApiProperty() transferId!: string;
  @ApiProperty() toEmail!: string;
  @ApiProperty({ format: 'date-time' }) initiatedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'After this instant the offer has lapsed (rule 3), whether or not recorded yet.' })
  expiresAt!: string;
}

class TransferOutcomeResponse {
  @ApiProperty() transferId!: string;
  @ApiProperty() toEmail!: string;
  @ApiProperty({ enum: ['accepted', 'expired', 'cancelled'] }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class CustomerAdminResponse {
  @ApiProperty() invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['invited', 'accepted'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt!: string | null;
}

class ContactChangeRequestResponse {
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: ['primary', 'billing', 'technical'] }) role!: string;
  @ApiProperty({ type: ContactResponse }) contact!: ContactResponse;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
}

export class ResellerCustomerResponse {
  @ApiProperty() organizationId!: string;
  @ApiProperty({ description: 'The managing reseller.' }) resellerId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) companyDetails!: Record<string, string>;
  @ApiProperty({ description: "Rule 13: visible to the vendor's other resellers, for license issuance only." }) isPublic!: boolean;
  @ApiProperty() customerAssociationEnabled!: boolean;
  @ApiProperty({ type: OwnerResponse }) owner!: OwnerResponse;
  @ApiProperty({ enum: ['reseller', 'customer'], description: 'owner.kind' }) ownership!: string;
  @ApiProperty({ type: PendingTransferResponse, nullable: true, description: 'As recorded; see transferStatus for whether it has lapsed.' })
  pendingTransfer!: PendingTransferResponse | null;
  @ApiProperty({ enum: ['none', 'pending', 'expired'], description: 'expired: the offer lapsed; the reseller may initiate it again.' })
  transferStatus!: string;
  @ApiProperty({ type: TransferOutcomeResponse, nullable: true }) lastTransfer!: TransferOutcomeResponse | null;
  @ApiProperty({ type: ContactsResponse }) contacts!: ContactsResponse;
  @ApiProperty({ type: [CustomerAdminResponse] }) admins!: CustomerAdminResponse[];
  @ApiProperty({ type: [ContactChangeRequestResponse] }) contactChangeRequests!: ContactChangeRequestResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ResellerSubscriptionResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The reseller owning the invoices.' }) resellerId!: string | null;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'] }) channel!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() product!: string;
  @ApiProperty() tier!: string;
  @ApiProperty({ enum: ['monthly', 'annual'] }) billingPeriod!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '96.00', description: "The reseller's price per seat and period (decimal string)." }) unitPrice!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() seatsAssigned!: number;
  @ApiProperty({ type: [String] }) assignedTo!: string[];
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the next renewal is charged; null once cancelled or expired.',
  })
  nextChargeDate!: string | null;
  @ApiProperty({ example: '1440.00' }) periodTotal!: string;
  @ApiProperty({ example: '1440.00' }) annualTotal!: string;
  @ApiProperty({ enum: ['active', 'cancelled', 'expired'] }) status!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiredAt!: string | null;
  @ApiProperty() customerContactEmail!: string;
  @ApiProperty({ format: 'date-time' }) purchasedAt!: string;
}

export class ResellerCustomerDetailResponse extends ResellerCustomerResponse {
  @ApiProperty({ type: [ResellerSubscriptionResponse] }) subscriptions!: ResellerSubscriptionResponse[];
}

export class ResellerIssuanceRightResponse {
  @ApiProperty() rightId!: string;
  @ApiProperty() resellerId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() licenseTemplateId!: string;
  @ApiProperty() maxLicenses!: number;
  @ApiProperty() used!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() blocked!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) blockedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) blockReason!: string | null;
  @ApiProperty({ description: 'Not-for-resale licenses.' }) nfr!: boolean;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
}

export class ResellerLicenseResponse {
  @ApiProperty() licenseId!: string;
  @ApiProperty() resellerId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: issued unlinked (rule 14).' }) organizationId!: string | null;
  @ApiProperty() rightId!: string;
  @ApiProperty() licenseTemplateId!: string;
  @ApiProperty() nfr!: boolean;
  @ApiProperty({ enum: ['issued', 'delivered', 'revoked'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: String, nullable: true }) deliveredTo!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokeReason!: string | null;
}

export class PublicCustomerResponse {
  @ApiProperty() organizationId!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() name!: string;
}
