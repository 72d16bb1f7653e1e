import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  CommandPipeline,
  emailLookupKeyFrom,
  LedgerContext,
  LedgerEventStore,
  openLedgerEventStore,
  resolveSecrets,
  Secrets,
} from '@channel-ledger/application';
import { useEmailLookupKey } from '@channel-ledger/projections';
import { EventStore } from '@channel-ledger/event-store';
import { CommandEnvelopeFactory } from '../http/command-envelope.factory';
import { InstrumentedEventStore } from '../operations/instrumented-event-store';
import { Metrics, METRICS } from '../operations/metrics';
import { CLOCK, systemClock, TestClock } from './clock';

export const APP_CONFIG = Symbol('AppConfig');
export const EVENT_STORE = Symbol('EventStore');
/** The ledger's store with its parts: the raw store, the data subjects' key store (privacy). */
export const LEDGER_EVENT_STORE = Symbol('LedgerEventStore');

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
        {
          provide: LEDGER_EVENT_STORE,
          useFactory: (secrets: Secrets) => {
            // Read models keyed by address (sign-in directory, support's search) hash it with this key.
            useEmailLookupKey(emailLookupKeyFrom(secrets));
            return openLedgerEventStore(config, secrets);
          },
          inject: [Secrets],
        },
        // Measured (apps/api/src/operations) outside; inside, events are upcast on read and personal
        // data encrypted on append / decrypted on read (libs/application/src/privacy, schemas).
        {
          provide: EVENT_STORE,
          useFactory: (ledger: LedgerEventStore, metrics: Metrics) => new InstrumentedEventStore(ledger.store, metrics, ledger.raw),
          inject: [LEDGER_EVENT_STORE, METRICS],
        },
        { provide: CommandPipeline, useFactory: (store: EventStore) => new CommandPipeline(store), inject: [EVENT_STORE] },
        {
          provide: LedgerContext,
          useFactory: (store: EventStore, pipeline: CommandPipeline) => new LedgerContext(store, pipeline),
          inject: [EVENT_STORE, CommandPipeline],
        },
        CommandEnvelopeFactory,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        LEDGER_EVENT_STORE,
        METRICS,
        CommandPipeline,
        LedgerContext,
        Secrets,
        CommandEnvelopeFactory,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
