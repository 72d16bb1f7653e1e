import { createTransport } from 'nodemailer';
import { MailTransport, OutgoingMail } from '../mail-message';

/**
 * A real mail server (config `mail.smtpUrl`). A mail sent again after a crash carries the same
 * Message-ID, derived from the event id, so receiving servers and clients can tell it is one mail.
 */
export class SmtpTransport implements MailTransport {
  private readonly transporter;

  constructor(smtpUrl: string) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      date: mail.date,
      messageId: mail.messageId,
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
