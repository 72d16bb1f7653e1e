import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseInstant, Replay, replay, stateAsOf, TimeAxes } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { assertReadableSubject } from '../readable-subject';
import { AxesInput, ReplayQuery, StateAsOf, StateAsOfQuery } from './replay.query';

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
    await assertReadableSubject(this.store, subject, viewer);
    return replay(this.store, subject, axesOf(axes));
  }
}

@QueryHandler(StateAsOfQuery)
export class StateAsOfHandler implements IQueryHandler<StateAsOfQuery, StateAsOf> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ subject, axes, viewer }: StateAsOfQuery): Promise<StateAsOf> {
    await assertReadableSubject(this.store, subject, viewer);
    return stateAsOf(this.store, subject, axesOf(axes));
  }
}
