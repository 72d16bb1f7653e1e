import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerSubject, parseInstant, Replay, replay, stateAsOf, TimeAxes } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { Principal, readsEverything } from '../../access/principal';
import { notVisible } from '../../http/not-visible';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { AxesInput, ReplayQuery, StateAsOf, StateAsOfQuery } from './replay.query';

/** Read straight from the log (not a read model): the auditor's answer does not depend on a projection. */
async function readable(store: EventStore, subject: LedgerSubject, viewer: Principal): Promise<void> {
  if (!readsEverything(viewer)) throw notVisible(subject.kind, subject.id);
  const first = await store.readStream(`${subject.kind}-${subject.id}`, { toRevision: 0n });
  if (first.length === 0) throw notVisible(subject.kind, subject.id);
}

function axesOf(input: AxesInput): TimeAxes {
  return {
    asOf: (input.asOf && parseInstant(input.asOf)) || new Date().toISOString(),
    asKnownAt: (input.asKnownAt && parseInstant(input.asKnownAt)) || null,
  };
}

@QueryHandler(ReplayQuery)
export class ReplayHandler implements IQueryHandler<ReplayQuery, Replay> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ subject, axes, viewer }: ReplayQuery): Promise<Replay> {
    await readable(this.store, subject, viewer);
    return replay(this.store, subject, axesOf(axes));
  }
}

@QueryHandler(StateAsOfQuery)
export class StateAsOfHandler implements IQueryHandler<StateAsOfQuery, StateAsOf> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ subject, axes, viewer }: StateAsOfQuery): Promise<StateAsOf> {
    await readable(this.store, subject, viewer);
    return stateAsOf(this.store, subject, axesOf(axes));
  }
}
