import { BeforeApplicationShutdown, Global, Inject, Logger, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { AppConfig, LedgerContext, PaymentProvider, paymentProviderFor } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { ProcessManager } from '@channel-ledger/processes';
import { ReadStore } from '@channel-ledger/read-store';
import { Clock, CLOCK } from '../infrastructure/clock';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/infrastructure.module';
import { READ_STORE } from '../infrastructure/read-store.provider';
import { ProjectionsModule } from '../projections/projections.module';
import { PAYMENT_PROVIDER, PROCESS_MANAGER } from './processes.tokens';
import { RetryProcessController } from './retry-process/retry-process.controller';

/**
 * Things that happen because time passed (offers lapse, terms renew or end, reminders, rights
 * close), run by libs/processes against the ledger clock (the sandbox test clock where it is
 * configured). Like the projections, they run here in the embedded default and in apps/projector
 * otherwise. Global so GET /projections can show them.
 */
@Global()
@Module({
  imports: [ProjectionsModule],
  controllers: [RetryProcessController],
  providers: [
    { provide: PAYMENT_PROVIDER, useFactory: (config: AppConfig) => paymentProviderFor(config), inject: [APP_CONFIG] },
    {
      provide: PROCESS_MANAGER,
      useFactory: (
        config: AppConfig,
        eventStore: EventStore,
        readStore: ReadStore,
        ledger: LedgerContext,
        payments: PaymentProvider,
        clock: Clock,
      ) => {
        if (!config.runProjectionsInProcess) return null;
        const logger = new Logger('Processes');
        return new ProcessManager({
          eventStore,
          readStore,
          ledger,
          payments,
          clock,
          logger: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
        });
      },
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE, LedgerContext, PAYMENT_PROVIDER, CLOCK],
    },
  ],
  exports: [PROCESS_MANAGER, PAYMENT_PROVIDER],
})
export class ProcessesModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Optional() @Inject(PROCESS_MANAGER) private readonly manager: ProcessManager | null) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.manager?.start();
  }

  /** Before the stores close: the step in progress finishes and the schedule commits its batch. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.manager?.stop();
  }
}
