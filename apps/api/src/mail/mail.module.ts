import { BeforeApplicationShutdown, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, Secrets } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { ReadStore } from '@channel-ledger/read-store';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/infrastructure.module';
import { READ_STORE } from '../infrastructure/read-store.provider';
import { ProjectionsModule } from '../projections/projections.module';
import { MAIL_TRANSPORT, MailTransport } from './mail-message';
import { MailSender } from './mail-sender';
import { MailOutboxController } from './mail-outbox.controller';
import { OutboxCountsHandler } from './outbox-counts/outbox-counts.handler';
import { transportFor } from './transport/transport-for';

/**
 * Mail is a reactor on the event log, not a side effect of a request: the `mail-outbox`
 * projection (run with the others, here or in apps/projector) records what must be sent, and the
 * sender sends it and marks it sent. A crash between the append and the send loses no mail.
 */
@Module({
  imports: [ProjectionsModule],
  controllers: [MailOutboxController],
  providers: [
    OutboxCountsHandler,
    { provide: MAIL_TRANSPORT, useFactory: (config: AppConfig) => transportFor(config.mail), inject: [APP_CONFIG] },
    {
      provide: MailSender,
      useFactory: (config: AppConfig, eventStore: EventStore, readStore: ReadStore, transport: MailTransport, secrets: Secrets) =>
        new MailSender({
          eventStore,
          readStore,
          transport,
          from: config.mail.from,
          context: { publicUrl: config.publicUrl, derive: (purpose) => secrets.derive(purpose) },
          logger: new Logger('Mail'),
        }),
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE, MAIL_TRANSPORT, Secrets],
    },
  ],
})
export class MailModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly sender: MailSender,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sender.start();
  }

  /** Before the read store closes (ProjectionsModule closes it on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sender.stop();
    await this.transport.close();
  }
}
