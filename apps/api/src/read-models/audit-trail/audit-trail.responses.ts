import { ApiProperty } from '@nestjs/swagger';

class PartyResponse {
  @ApiProperty({ example: 'reseller' }) kind!: string;
  @ApiProperty() id!: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'The event id.' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) subscriptionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) licenseId!: string | null;
  @ApiProperty({ description: 'Global log position (decimal string).' }) position!: string;
  @ApiProperty({ description: 'The position zero-padded to 20 digits (sorts as text).' }) positionKey!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() revision!: string;
  @ApiProperty({ example: 'SeatsPurchased' }) type!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time: when it took effect.' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger learned it.' }) recordedAt!: string;
  @ApiProperty({ type: PartyResponse }) actor!: PartyResponse;
  @ApiProperty({ type: PartyResponse, nullable: true }) onBehalfOf!: PartyResponse | null;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'], nullable: true }) channel!: string | null;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty() commandId!: string;
  @ApiProperty({ example: 'Seats added: 10 → 15, prorated 152 of 365 days, USD 1234.50' }) description!: string;
}

class InvoiceOwnerPartyResponse {
  @ApiProperty({ enum: ['reseller', 'organization'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class InvoiceOwnerIntervalResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ type: InvoiceOwnerPartyResponse }) owner!: InvoiceOwnerPartyResponse;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'] }) channel!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Exclusive; null while current.' }) validTo!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class InvoiceOwnerAnswerResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: InvoiceOwnerIntervalResponse, nullable: true, description: 'null before the purchase.' })
  invoiceOwner!: InvoiceOwnerIntervalResponse | null;
}

export class InvoiceOwnerHistoryResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ type: [InvoiceOwnerIntervalResponse] }) intervals!: InvoiceOwnerIntervalResponse[];
}
