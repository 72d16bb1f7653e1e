import { Decider, DomainEvent } from '@channel-ledger/domain';
import { EventStore, ReadStreamOptions } from '@channel-ledger/event-store';
import { toDomain } from './command-pipeline';

/** A stream's current (or as-of) state, for queries and for building other commands' context. */
export async function loadState<E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
  options?: ReadStreamOptions,
): Promise<S> {
  const history = await store.readStream(streamId, options);
  return history.reduce((state, event) => decider.evolve(state, toDomain<E>(event)), decider.initialState);
}
