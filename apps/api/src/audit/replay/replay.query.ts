import { Query } from '@nestjs/cqrs';
import { LedgerSubject, Replay, stateAsOf } from '@channel-ledger/application';
import { Principal } from '../../access/principal';

export interface AxesInput {
  asOf?: string;
  asKnownAt?: string;
}

/** The subject's events as known at asKnownAt, folded as in force on asOf, with the state after each. */
export class ReplayQuery extends Query<Replay> {
  constructor(
    readonly subject: LedgerSubject,
    readonly axes: AxesInput,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export type StateAsOf = Awaited<ReturnType<typeof stateAsOf>>;

/** "What was true on D, as known on T." */
export class StateAsOfQuery extends Query<StateAsOf> {
  constructor(
    readonly subject: LedgerSubject,
    readonly axes: AxesInput,
    readonly viewer: Principal,
  ) {
    super();
  }
}
