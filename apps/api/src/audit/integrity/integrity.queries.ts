import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Secrets } from '@channel-ledger/application';
import { CheckpointStore, exportPublicKey, keyIdOf, SignedCheckpoint } from '@channel-ledger/event-store';
import { CHECKPOINT_STORE } from '../checkpoint-store.provider';
import { LedgerIntegrity } from './ledger-integrity.service';

export type IntegrityStatus = Awaited<ReturnType<LedgerIntegrity['status']>>;
export type CheckpointWithKey = { checkpoint: SignedCheckpoint | null; keyId: string; publicKey: string };

/** Start-up comparison, last checkpoint, last seal error, streams refused. */
export class IntegrityStatusQuery extends Query<IntegrityStatus> {}

/** The latest signed checkpoint and the key to check it with: what an auditor writes down. */
export class LatestCheckpointQuery extends Query<CheckpointWithKey> {}

@QueryHandler(IntegrityStatusQuery)
export class IntegrityStatusHandler implements IQueryHandler<IntegrityStatusQuery, IntegrityStatus> {
  constructor(private readonly integrity: LedgerIntegrity) {}

  execute(): Promise<IntegrityStatus> {
    return this.integrity.status();
  }
}

@QueryHandler(LatestCheckpointQuery)
export class LatestCheckpointHandler implements IQueryHandler<LatestCheckpointQuery, CheckpointWithKey> {
  constructor(
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    private readonly secrets: Secrets,
  ) {}

  async execute(): Promise<CheckpointWithKey> {
    const key = this.secrets.checkpointSigningKey().publicKey;
    return { checkpoint: await this.checkpoints.latest(), keyId: keyIdOf(key), publicKey: exportPublicKey(key) };
  }
}
