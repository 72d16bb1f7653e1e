import type { RecordedEvent } from '@channel-ledger/event-store';
import type { ReadDocument, WriteOperation } from '@channel-ledger/read-store';
import { asLedgerEvent } from '../engine/document-projection';
import type { ProjectionView } from '../engine/projection';
import { AUDIT_SUBJECTS } from './collections';
import type { AwaitingInvoice, LicenseSubject, OrganizationSubject, ResellerSubject, SubscriptionSubject } from './documents';
import { subjectId } from './documents';
import { parseStreamId } from './log-keys';

/** Facts remembered from earlier events, as they stand just before the event being applied. */
export interface Subjects {
  subscription: SubscriptionSubject | null;
  organization: OrganizationSubject | null;
  license: LicenseSubject | null;
  resellers: Map<string, ResellerSubject>;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Loads what the event needs: its subscription (by data or stream id), license, the organization
 * they belong to, and every reseller the event or its actor names (for names in descriptions).
 */
export async function loadSubjects(event: RecordedEvent, view: ProjectionView): Promise<Subjects> {
  const stream = parseStreamId(event.streamId);
  const data = event.data;
  const subscriptionKey = str(data.subscriptionId) ?? (stream?.category === 'subscription' ? stream.id : null);
  const licenseKey = str(data.licenseId) ?? (stream?.category === 'license' ? stream.id : null);
  const subscription = subscriptionKey
    ? ((await view.get(AUDIT_SUBJECTS, subjectId.subscription(subscriptionKey))) as SubscriptionSubject | null)
    : null;
  const license =
    licenseKey && stream?.category === 'license'
      ? ((await view.get(AUDIT_SUBJECTS, subjectId.license(licenseKey))) as LicenseSubject | null)
      : null;
  const organizationKey =
    str(data.organizationId) ??
    subscription?.organizationId ??
    license?.organizationId ??
    (stream?.category === 'organization' ? stream.id : null);
  const organization = organizationKey
    ? ((await view.get(AUDIT_SUBJECTS, subjectId.organization(organizationKey))) as OrganizationSubject | null)
    : null;

  const resellers = new Map<string, ResellerSubject>();
  for (const id of referencedResellerIds(event, organization, license)) {
    const reseller = (await view.get(AUDIT_SUBJECTS, subjectId.reseller(id))) as ResellerSubject | null;
    if (reseller) resellers.set(id, reseller);
  }
  return { subscription, organization, license, resellers };
}

/** Any `…resellerId`/`…ResellerId` field of the data, the actors, and the owners of the subjects. */
function referencedResellerIds(
  event: RecordedEvent,
  organization: OrganizationSubject | null,
  license: LicenseSubject | null,
): Set<string> {
  const ids = new Set<string>();
  for (const [field, value] of Object.entries(event.data)) {
    if (/(^r|R)esellerId$/.test(field) && typeof value === 'string') ids.add(value);
  }
  for (const actor of [event.metadata.actor, event.metadata.onBehalfOf]) {
    if (actor?.kind === 'reseller') ids.add(actor.id);
  }
  if (organization) ids.add(organization.managingResellerId);
  if (license) ids.add(license.resellerId);
  return ids;
}

function put(document: ReadDocument): WriteOperation {
  return { type: 'put', collection: AUDIT_SUBJECTS, document };
}

/**
 * The lookup writes an event implies. `awaitingInvoice` is set by SeatsPurchased and PlanChanged
 * (their price is on the InvoiceIssued the same command appends right after them) and cleared by
 * that invoice.
 */
export function subjectUpdates(recorded: RecordedEvent, subjects: Subjects, entryId: string | null): WriteOperation[] {
  const sub = subjects.subscription;
  const event = asLedgerEvent(recorded);
  switch (event.type) {
    case 'ResellerRegistered': {
      const d = event.data;
      const doc: ResellerSubject = {
        id: subjectId.reseller(d.resellerId),
        kind: 'reseller',
        resellerId: d.resellerId,
        name: d.companyName,
        channel: d.partnerKind,
      };
      return [put(doc)];
    }
    case 'CustomerOrganizationCreated': {
      const d = event.data;
      const doc: OrganizationSubject = {
        id: subjectId.organization(d.organizationId),
        kind: 'organization',
        organizationId: d.organizationId,
        name: d.name,
        vendorId: d.vendorId,
        managingResellerId: d.managingReseller.resellerId,
      };
      return [put(doc)];
    }
    case 'CompanyDetailsChanged': {
      const d = event.data;
      return subjects.organization ? [put({ ...subjects.organization, name: d.name })] : [];
    }
    case 'SubscriptionPurchased':
    case 'DirectPurchaseRecorded': {
      const d = event.data;
      const doc: SubscriptionSubject = {
        id: subjectId.subscription(d.subscriptionId),
        kind: 'subscription',
        subscriptionId: d.subscriptionId,
        organizationId: d.organizationId,
        organizationName: d.organizationName,
        vendorId: d.vendorId,
        channel: d.channel,
        resellerId: event.type === 'SubscriptionPurchased' ? event.data.resellerId : null,
        resellerName: event.type === 'SubscriptionPurchased' ? event.data.resellerName : null,
        product: d.plan.product,
        tier: d.plan.tier,
        billingPeriod: d.billingPeriod,
        currency: d.currency,
        seats: d.seats,
        awaitingInvoice: null,
      };
      return [put(doc)];
    }
    case 'SeatsPurchased': {
      const d = event.data;
      return sub ? [put({ ...sub, seats: d.seatsAfter, awaitingInvoice: awaiting(d.invoiceId, entryId, recorded) })] : [];
    }
    case 'PlanChanged': {
      const d = event.data;
      return sub
        ? [put({ ...sub, product: d.to.product, tier: d.to.tier, awaitingInvoice: awaiting(d.invoiceId, entryId, recorded) })]
        : [];
    }
    case 'SubscriptionRenewed': {
      const d = event.data;
      return sub ? [put({ ...sub, product: d.plan.product, tier: d.plan.tier, seats: d.seats })] : [];
    }
    case 'InvoiceIssued':
      return sub?.awaitingInvoice ? [put({ ...sub, awaitingInvoice: null })] : [];
    case 'LicenseIssued': {
      const d = event.data;
      const doc: LicenseSubject = {
        id: subjectId.license(d.licenseId),
        kind: 'license',
        licenseId: d.licenseId,
        organizationId: d.organizationId,
        resellerId: d.resellerId,
        vendorId: d.vendorId,
        licenseTemplateId: d.licenseTemplateId,
        nfr: d.nfr,
      };
      return [put(doc)];
    }
    default:
      return [];
  }
}

function awaiting(invoiceId: string, entryId: string | null, event: RecordedEvent): AwaitingInvoice | null {
  return entryId ? { invoiceId, entryId, type: event.type, data: event.data } : null;
}
