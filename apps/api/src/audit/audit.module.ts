import { Module } from '@nestjs/common';
import { AppConfig, openCheckpointStore } from '@channel-ledger/application';
import { ReadStore } from '@channel-ledger/read-store';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';
import { READ_STORE } from '../infrastructure/read-store.provider';
import { ProjectionsModule } from '../projections/projections.module';
import { AuditLedgerController } from './audit-ledger.controller';
import { CHECKPOINT_STORE } from './checkpoint-store.provider';
import { IntegrityController } from './integrity/integrity.controller';
import { IntegrityStatusHandler, LatestCheckpointHandler } from './integrity/integrity.queries';
import { LedgerIntegrity } from './integrity/ledger-integrity.service';
import { InvoiceOwnerFromLogHandler } from './invoice-owner/invoice-owner-from-log.handler';
import { ReplayHandler, StateAsOfHandler } from './replay/replay.handlers';

/**
 * The auditor's instrument over HTTP (replay and state on two time axes, invoice owner from the
 * log, checkpoints) and the ledger's own integrity: checkpoints kept apart from the events, the
 * pipeline held to the last one, periodic sealing where this process runs the projections.
 */
@Module({
  imports: [ProjectionsModule],
  controllers: [AuditLedgerController, IntegrityController],
  providers: [
    {
      provide: CHECKPOINT_STORE,
      useFactory: (config: AppConfig, readStore: ReadStore) => openCheckpointStore(config, async () => readStore),
      inject: [APP_CONFIG, READ_STORE],
    },
    LedgerIntegrity,
    ReplayHandler,
    StateAsOfHandler,
    InvoiceOwnerFromLogHandler,
    IntegrityStatusHandler,
    LatestCheckpointHandler,
  ],
  exports: [LedgerIntegrity, CHECKPOINT_STORE],
})
export class AuditModule {}
