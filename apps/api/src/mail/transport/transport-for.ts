import type { MailConfig } from '@channel-ledger/application';
import { MailTransport } from '../mail-message';
import { MailboxTransport } from './mailbox.transport';
import { SmtpTransport } from './smtp.transport';

/** SMTP when a server is configured, otherwise the .eml folder. */
export function transportFor(config: MailConfig): MailTransport {
  return config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new MailboxTransport(config.mailboxDir);
}
