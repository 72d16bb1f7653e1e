import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, CommandPipeline, LedgerContext, openEventStore, resolveSecrets, Secrets } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { CommandEnvelopeFactory } from '../http/command-envelope.factory';
import { InstrumentedEventStore } from '../operations/instrumented-event-store';
import { Metrics, METRICS } from '../operations/metrics';
import { CLOCK, systemClock, TestClock } from './clock';

export const APP_CONFIG = Symbol('AppConfig');
export const EVENT_STORE = Symbol('EventStore');

@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: AppConfig) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: config.testClock ? new TestClock() : systemClock },
        { provide: Secrets, useFactory: () => resolveSecrets(config) },
        { provide: METRICS, useFactory: () => new Metrics() },
        // Measured (apps/api/src/operations): every call still goes to the store opened here.
        { provide: EVENT_STORE, useFactory: async (metrics: Metrics) => new InstrumentedEventStore(await openEventStore(config), metrics), inject: [METRICS] },
        { provide: CommandPipeline, useFactory: (store: EventStore) => new CommandPipeline(store), inject: [EVENT_STORE] },
        {
          provide: LedgerContext,
          useFactory: (store: EventStore, pipeline: CommandPipeline) => new LedgerContext(store, pipeline),
          inject: [EVENT_STORE, CommandPipeline],
        },
        CommandEnvelopeFactory,
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, METRICS, CommandPipeline, LedgerContext, Secrets, CommandEnvelopeFactory],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
