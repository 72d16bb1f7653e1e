import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventStore } from '@channel-ledger/event-store';
import {
  checkpointName,
  mailOutboxProjection,
  parsePhysicalCollectionName,
  Projection,
  ProjectionRunner,
  readModelProjections,
} from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER, READ_STORE } from '../infrastructure/read-store.provider';

export interface ObservedProjection {
  name: string;
  /** The runner's state in this process; `elsewhere` when apps/projector runs it. */
  state: string;
  /** Checkpoint of the served documents (decimal string). */
  position: string;
  /** Head minus position, in log positions (decimal string). */
  lag: string;
  /** Age of the oldest event not applied yet; 0 when caught up. */
  lagSeconds: number;
  failure: string | null;
}

export interface ProjectionsSnapshot {
  runsInThisProcess: boolean;
  headPosition: string;
  projections: ObservedProjection[];
}

/** The projections the projector process runs when they are not run here (apps/projector/src/projections.ts). */
const PROJECTED_ELSEWHERE: Projection[] = [...readModelProjections, mailOutboxProjection];

/**
 * Where each projection stands, for readiness and metrics: from the runner when projections run
 * in this process, otherwise from the checkpoints apps/projector commits to the shared read store.
 * Lag in time is the age (store time, recordedAt) of the first event after the checkpoint, which
 * means the same on SQLite and EventStoreDB, unlike positions.
 */
@Injectable()
export class ProjectionObserver {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  async observe(now: Date = new Date()): Promise<ProjectionsSnapshot> {
    const head = (await this.eventStore.headPosition()) ?? 0n;
    const positions = this.runner ? await this.fromRunner() : await this.fromCheckpoints();
    const ages = new Map<string, number>();
    const projections: ObservedProjection[] = [];
    for (const { name, state, position, failure } of positions) {
      const lag = head > position ? head - position : 0n;
      let lagSeconds = 0;
      if (lag > 0n) {
        const key = position.toString();
        if (!ages.has(key)) ages.set(key, await this.ageOfFirstEventAfter(position, now));
        lagSeconds = ages.get(key)!;
      }
      projections.push({ name, state, position: position.toString(), lag: lag.toString(), lagSeconds, failure });
    }
    return { runsInThisProcess: this.runner !== null, headPosition: head.toString(), projections };
  }

  private async fromRunner(): Promise<{ name: string; state: string; position: bigint; failure: string | null }[]> {
    return (await this.runner!.status()).map((status) => ({
      name: status.name,
      state: status.state,
      position: BigInt(status.position),
      failure: status.failure
        ? `${status.failure.reason} (at position ${status.failure.position}${status.failure.eventType ? `, ${status.failure.eventType}` : ''})`
        : null,
    }));
  }

  private async fromCheckpoints(): Promise<{ name: string; state: string; position: bigint; failure: string | null }[]> {
    const aliases = new Map((await this.readStore.listAliases()).map((alias) => [alias.logical, alias.physical]));
    const observed = [];
    for (const projection of PROJECTED_ELSEWHERE) {
      const first = projection.collections[0].name;
      const serving = aliases.has(first) ? parsePhysicalCollectionName(aliases.get(first)!) : null;
      const stored = serving ? await this.readStore.getCheckpoint(checkpointName(projection.name, serving.generation)) : null;
      observed.push({ name: projection.name, state: serving ? 'elsewhere' : 'not-built', position: BigInt(stored ?? '0'), failure: null });
    }
    return observed;
  }

  private async ageOfFirstEventAfter(position: bigint, now: Date): Promise<number> {
    const page = await this.eventStore.readAll({ after: position === 0n ? null : position, limit: 1 });
    const recordedAt = page.events[0]?.metadata.recordedAt;
    if (!recordedAt) return 0;
    return Math.max(0, (now.getTime() - Date.parse(recordedAt)) / 1000);
  }
}
