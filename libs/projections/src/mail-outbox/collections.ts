import type { ProjectionCollection } from '../engine/projection';

export const MAIL_OUTBOX = 'mail_outbox';

/** `pending` until the mail sender (apps/api/src/mail) has handed every mail of the event to the transport. */
export type MailOutboxStatus = 'pending' | 'sent';

/** One event that asks for mail. The id is the event id, so replaying the event puts the same document. */
export type MailOutboxEntry = {
  id: string;
  eventId: string;
  /** The sender reads the event back from its stream (EventStore.readStream). */
  streamId: string;
  /** Log position, decimal string: the sender sends in log order. */
  position: string;
  type: string;
  status: MailOutboxStatus;
  /** Set by the sender: when the mails were handed over, and how many there were. */
  sentAt?: string;
  mails?: number;
};

// The sender asks "what is pending"; operators count pending and sent.
export const mailOutboxCollection: ProjectionCollection = { name: MAIL_OUTBOX, indexes: [{ fields: ['status'] }] };
