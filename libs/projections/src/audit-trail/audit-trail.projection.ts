import type { RecordedEvent } from '@channel-ledger/event-store';
import type { WriteOperation } from '@channel-ledger/read-store';
import { asLedgerEvent } from '../engine/document-projection';
import { defineProjection, type ProjectionView } from '../engine/projection';
import { AUDIT_ENTRIES, AUDIT_TRAIL_COLLECTIONS } from './collections';
import { auditEntry, describeWithInvoice, subjectKeysOf } from './entry';
import { invoiceOwnerWrites } from './invoice-owner-intervals';
import { loadSubjects, subjectUpdates } from './subjects';

export const AUDIT_TRAIL_PROJECTION = 'audit-trail';

/**
 * Support's and auditors' read model: one entry per event concerning a subscription or an
 * organization, in log order, with a sentence a person reads; plus the invoice-owner history as
 * dated intervals. No `handles` list on purpose: an event type added to a subscription or
 * organization stream later still lands in the trail (with the fallback sentence).
 */
export const auditTrailProjection = defineProjection({
  name: AUDIT_TRAIL_PROJECTION,
  // 2: entries of a subject by business-time window.
  version: 2,
  collections: AUDIT_TRAIL_COLLECTIONS,
  apply: applyAuditTrail,
});

async function applyAuditTrail(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> {
  const subjects = await loadSubjects(event, view);
  const keys = subjectKeysOf(event, subjects);
  const entry = keys ? auditEntry(event, keys, subjects) : null;
  const writes: WriteOperation[] = [];
  if (entry) writes.push({ type: 'put', collection: AUDIT_ENTRIES, document: entry });

  // The price of added seats or a plan change is on the invoice that follows it: complete the
  // change's sentence with it ("Seats added: 10 → 15, prorated 152 of 365 days, USD 1234.50").
  const awaiting = subjects.subscription?.awaitingInvoice;
  const invoice = asLedgerEvent(event);
  if (invoice.type === 'InvoiceIssued' && awaiting && awaiting.invoiceId === invoice.data.invoiceId) {
    writes.push({
      type: 'patch',
      collection: AUDIT_ENTRIES,
      id: awaiting.entryId,
      fields: { description: describeWithInvoice(awaiting, invoice, subjects) },
    });
  }
  writes.push(...subjectUpdates(event, subjects, entry?.id ?? null));
  writes.push(...(await invoiceOwnerWrites(event, view)));
  return writes;
}
