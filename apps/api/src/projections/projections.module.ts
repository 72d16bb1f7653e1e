import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AppConfig, openReadStore } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { mailOutboxProjection, ProjectionRunner, readModelProjections } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER, READ_STORE } from '../infrastructure/read-store.provider';
import { ProjectionStatusController } from './projection-status/projection-status.controller';
import { RebuildProjectionController } from './rebuild-projection/rebuild-projection.controller';

/**
 * Read models for the API's queries. In the embedded default the projections run inside this
 * process (one SQLite file, one process); with EventStoreDB + MongoDB they run in apps/projector
 * and this process only reads.
 */
@Module({
  controllers: [ProjectionStatusController, RebuildProjectionController],
  providers: [
    { provide: READ_STORE, useFactory: (config: AppConfig) => openReadStore(config), inject: [APP_CONFIG] },
    {
      provide: PROJECTION_RUNNER,
      useFactory: (config: AppConfig, eventStore: EventStore, readStore: ReadStore) =>
        config.runProjectionsInProcess
          ? new ProjectionRunner({ eventStore, readStore, projections: [...readModelProjections, mailOutboxProjection] })
          : null,
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE],
    },
  ],
  exports: [READ_STORE, PROJECTION_RUNNER],
})
export class ProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner?.start();
  }

  /** Before any store closes: the runner commits its current batch first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}
