import { Injectable, Logger } from '@nestjs/common';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Port for e-mail. The embedded default keeps an outbox and logs it: there is no mail server here. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const MAILER = Symbol('Mailer');

@Injectable()
export class OutboxMailer implements Mailer {
  private readonly logger = new Logger('Outbox');
  readonly sent: OutgoingMail[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
    if (this.sent.length > 1000) this.sent.shift();
    this.logger.log(`to ${mail.to}: ${mail.subject}\n${mail.text}`);
  }
}
