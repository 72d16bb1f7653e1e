import { defineDocumentProjection } from '../engine/document-projection';
import { MailOutboxEntry, mailOutboxCollection } from './collections';

/**
 * Events that imply a mail. Tokens in those mails are not in the events (only their hashes are):
 * the sender derives them again from the event id or link id, so nothing secret lands here.
 */
export const MAIL_EVENT_TYPES = [
  'ResellerRegistered',
  'ResellerVerificationReissued',
  'SignInLinkIssued',
  'OwnershipTransferInitiated',
  'AdministratorInvited',
  'LicenseDelivered',
  'InvoiceIssued',
  // Recorded by the time-driven processes (libs/processes). Added without a version bump on
  // purpose: a rebuild would put lapses recorded before they implied mail into the outbox.
  // The composer mails a lapse or expiry only when the system recorded it.
  'OwnershipTransferReminded',
  'OwnershipTransferExpired',
  'RenewalReminded',
  'RenewalChargeFailed',
  'SubscriptionExpired',
] as const;

/**
 * `mail-outbox`: one pending entry per event that asks for mail, committed together with the
 * projection's checkpoint. That is what makes mail survive a crash between the append and the
 * send: the entry exists as soon as the event does (once the runner has passed it), and stays
 * pending until the sender marks it sent. Not a read model: it is left out of
 * `readModelProjections` (and their digest tests), because the sender writes to its documents.
 */
export const mailOutboxProjection = defineDocumentProjection<MailOutboxEntry>({
  name: 'mail-outbox',
  version: 1,
  collection: mailOutboxCollection,
  handles: MAIL_EVENT_TYPES,
  keyOf: (event) => event.eventId,
  evolve: (_entry, event) => ({
    id: event.eventId,
    eventId: event.eventId,
    streamId: event.streamId,
    position: event.position.toString(),
    type: event.type,
    status: 'pending',
  }),
});
