import type { InvoiceIssued } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import type { JsonObject } from '@channel-ledger/read-store';
import type { Recorded } from '../engine/document-projection';
import type { DescribeContext } from './describe';
import { describeEvent } from './describe';
import type { AuditEntry, SalesChannelName } from './documents';
import { canonicalInstant, parseStreamId, positionKey } from './log-keys';
import type { Subjects } from './subjects';

export interface SubjectKeys {
  subscriptionId: string | null;
  organizationId: string | null;
  licenseId: string | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Which subscription and organization an event concerns, or null when it concerns neither (the
 * trail then skips it). Decided by stream, so an event type added later is still filed right:
 * a subscription event concerns its organization too; a license event the organization it is
 * linked to (an unlinked license concerns no customer and is left to the reseller's views).
 */
export function subjectKeysOf(event: RecordedEvent, subjects: Subjects): SubjectKeys | null {
  const stream = parseStreamId(event.streamId);
  switch (stream?.category) {
    case 'subscription':
      return {
        subscriptionId: str(event.data.subscriptionId) ?? stream.id,
        organizationId: str(event.data.organizationId) ?? subjects.subscription?.organizationId ?? null,
        licenseId: null,
      };
    case 'organization':
      return { subscriptionId: null, organizationId: str(event.data.organizationId) ?? stream.id, licenseId: null };
    case 'license': {
      const organizationId = event.type === 'LicenseIssued' ? str(event.data.organizationId) : (subjects.license?.organizationId ?? null);
      return organizationId ? { subscriptionId: null, organizationId, licenseId: str(event.data.licenseId) ?? stream.id } : null;
    }
    default:
      return null;
  }
}

const CHANNELS: readonly string[] = ['reseller', 'marketplace', 'direct'];

/**
 * The channel when known: the event's own (purchases, invoices; the new one for an invoice-owner
 * change), else the channel the subscription was sold through, else the partner kind of the
 * reseller managing the organization or that issued the license.
 */
function channelOf(event: RecordedEvent, subjects: Subjects): SalesChannelName | null {
  const own = event.type === 'InvoiceOwnerChanged' ? event.data.toChannel : event.data.channel;
  if (typeof own === 'string' && CHANNELS.includes(own)) return own as SalesChannelName;
  if (subjects.subscription) return subjects.subscription.channel;
  const resellerId = subjects.license?.resellerId ?? subjects.organization?.managingResellerId;
  return (resellerId && subjects.resellers.get(resellerId)?.channel) || null;
}

export function describeContext(
  event: Pick<RecordedEvent, 'type' | 'streamId' | 'metadata'>,
  subjects: Subjects,
  invoice: InvoiceIssued['data'] | null = null,
): DescribeContext {
  return {
    type: event.type,
    streamId: event.streamId,
    actor: event.metadata.actor,
    subscription: subjects.subscription,
    organization: subjects.organization,
    license: subjects.license,
    resellerName: (id) => subjects.resellers.get(id)?.name ?? id,
    invoice,
  };
}

export function auditEntry(event: RecordedEvent, keys: SubjectKeys, subjects: Subjects): AuditEntry {
  const m = event.metadata;
  return {
    id: event.eventId,
    ...keys,
    positionKey: positionKey(event.position),
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    type: event.type,
    occurredAt: canonicalInstant(m.occurredAt),
    recordedAt: canonicalInstant(m.recordedAt),
    actor: { kind: m.actor.kind, id: m.actor.id },
    onBehalfOf: m.onBehalfOf ? { kind: m.onBehalfOf.kind, id: m.onBehalfOf.id } : null,
    channel: channelOf(event, subjects),
    correlationId: m.correlationId,
    causationId: m.causationId,
    commandId: m.commandId,
    description: describeEvent(event.data, describeContext(event, subjects)),
  };
}

/** Re-describes a remembered change now that its invoice is known (see Subjects.awaitingInvoice). */
export function describeWithInvoice(
  remembered: { type: string; data: JsonObject },
  invoice: Recorded<InvoiceIssued>,
  subjects: Subjects,
): string {
  const context = { ...describeContext(invoice, subjects, invoice.data), type: remembered.type };
  return describeEvent(remembered.data, context);
}
