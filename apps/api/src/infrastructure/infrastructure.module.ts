import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, CommandPipeline, openEventStore } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { CommandEnvelopeFactory } from '../http/command-envelope.factory';
import { CLOCK, systemClock } from './clock';
import { MAILER, OutboxMailer } from './mailer';

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
        { provide: CLOCK, useValue: systemClock },
        { provide: MAILER, useClass: OutboxMailer },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: CommandPipeline, useFactory: (store: EventStore) => new CommandPipeline(store), inject: [EVENT_STORE] },
        CommandEnvelopeFactory,
      ],
      exports: [APP_CONFIG, CLOCK, MAILER, EVENT_STORE, CommandPipeline, CommandEnvelopeFactory],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
