/** A mail as composed from an event: what a person reads. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** A composed mail handed to a transport, with what makes sending it again harmless. */
export interface OutgoingMail extends MailMessage {
  /** `<eventId>`, or `<eventId>-<n>` when an event yields several mails: the same mail always has the same key. */
  key: string;
  /** `<key@domain>`, derived from the key, so a receiving server can tell a re-send from a new mail. */
  messageId: string;
  from: string;
  /** When the event was recorded: a re-sent mail is byte-for-byte the same mail. */
  date: Date;
}

/** Where mail goes: an SMTP server, or a folder of .eml files when there is none. */
export interface MailTransport {
  /** Idempotent by `key`/`messageId`: the sender may call it again for the same mail after a crash. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MailTransport');
