import { ApiProperty } from '@nestjs/swagger';

class PartyResponse {
  @ApiProperty({ example: 'reseller' }) kind!: string;
  @ApiProperty() id!: string;
}

export class EventLineResponse {
  @ApiProperty({ description: 'Global log position (decimal string).' }) position!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'SeatsPurchased' }) type!: string;
  @ApiProperty({ type: PartyResponse }) actor!: PartyResponse;
  @ApiProperty({ type: PartyResponse, nullable: true }) onBehalfOf!: PartyResponse | null;
  @ApiProperty({ format: 'date-time', description: 'Business time the command carried.' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time it takes effect.' }) effectiveAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger learned it.' }) recordedAt!: string;
  @ApiProperty({ example: 'Seats added: 10 → 15, prorated 214 of 365 days, USD 281.42' }) sentence!: string;
}

export class ReplayStepResponse extends EventLineResponse {
  @ApiProperty({ description: 'The subject just after this event, on its effective date.', type: Object }) stateAfter!: unknown;
}

class SubjectResponse {
  @ApiProperty({ enum: ['subscription', 'organization', 'reseller'] }) kind!: string;
  @ApiProperty() id!: string;
}

export class ReplayResponse {
  @ApiProperty({ type: SubjectResponse }) subject!: SubjectResponse;
  @ApiProperty() streamId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) asKnownAt!: string | null;
  @ApiProperty({ type: [ReplayStepResponse] }) steps!: ReplayStepResponse[];
  @ApiProperty({ type: [EventLineResponse], description: 'Recorded by asKnownAt but in force only after asOf.' })
  notYetInForce!: EventLineResponse[];
  @ApiProperty({ type: Object, description: 'What was true on asOf, as known at asKnownAt.' }) state!: unknown;
}

export class StateAsOfResponse {
  @ApiProperty({ type: SubjectResponse }) subject!: SubjectResponse;
  @ApiProperty() streamId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) asKnownAt!: string | null;
  @ApiProperty() eventsInForce!: number;
  @ApiProperty() eventsNotYetInForce!: number;
  @ApiProperty({ type: Object }) state!: unknown;
  @ApiProperty({ type: ReplayStepResponse, nullable: true }) lastEvent!: ReplayStepResponse | null;
}

class InvoiceOwnerResponse {
  @ApiProperty({ enum: ['reseller', 'organization'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['reseller', 'marketplace', 'direct'] }) channel!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class InvoiceOwnerFromLogResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) asKnownAt!: string | null;
  @ApiProperty({ type: InvoiceOwnerResponse, nullable: true }) invoiceOwner!: InvoiceOwnerResponse | null;
  @ApiProperty({ type: EventLineResponse, nullable: true, description: 'The event that made it so.' }) madeSoBy!: EventLineResponse | null;
  @ApiProperty({ type: [EventLineResponse] }) events!: EventLineResponse[];
}

class BrokenStreamResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: String, nullable: true }) revision!: string | null;
  @ApiProperty({ enum: ['altered', 'relinked', 'missing-events', 'rewritten', 'truncated', 'stream-deleted'] }) kind!: string;
  @ApiProperty() reason!: string;
}

export class CheckpointResponse {
  @ApiProperty() sequence!: number;
  @ApiProperty({ format: 'date-time' }) sealedAt!: string;
  @ApiProperty({ type: String, nullable: true }) headPosition!: string | null;
  @ApiProperty() eventCount!: string;
  @ApiProperty() streamCount!: number;
  @ApiProperty() streamsRoot!: string;
  @ApiProperty({ type: String, nullable: true }) previousDigest!: string | null;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'Write this down: it pins everything above.' }) digest!: string;
  @ApiProperty() signature!: string;
}

export class IntegrityStatusResponse {
  @ApiProperty({
    enum: ['intact', 'broken', 'checking', 'not-checked'],
    description: 'The start-up comparison of the log with the last signed checkpoint.',
  })
  startUpCheck!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'Its findings (same shape as `channel-ledger verify --json`).' })
  startUpFindings!: unknown;
  @ApiProperty({ type: CheckpointResponse, nullable: true }) lastCheckpoint!: CheckpointResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last periodic seal failed, if it did.' }) lastSealError!:
    string | null;
  @ApiProperty({ type: [BrokenStreamResponse], description: 'Streams the command pipeline refused to append to since start-up.' })
  refusedStreams!: BrokenStreamResponse[];
}

export class CheckpointKeyResponse {
  @ApiProperty({ type: CheckpointResponse, nullable: true }) checkpoint!: CheckpointResponse | null;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'The checkpoint signing key, SPKI DER in base64 (for verify --public-key).' }) publicKey!: string;
}
