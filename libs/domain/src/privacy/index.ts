import { Decider, DomainEvent, violation } from '../shared/decider';
import { eventSchema, EventSchema } from '../shared/event-schema';
import { Actor, Instant } from '../shared/types';

/**
 * "Forget this person": support records that a data subject's personal data is erased. The event
 * carries no personal data: `subjectId` is a keyed hash of the address (the ledger secret's key),
 * which nobody without the secret can turn back into the address.
 */
export type DataSubjectForgotten = DomainEvent<
  'DataSubjectForgotten',
  { subjectId: string; reason: string; forgottenBy: Actor; forgottenAt: Instant }
>;
export type DataSubjectEvent = DataSubjectForgotten;

export interface ForgetDataSubject {
  readonly type: 'ForgetDataSubject';
  readonly subjectId: string;
  readonly reason: string;
  readonly now: Instant;
  readonly actor: Actor;
}

export interface DataSubjectState {
  readonly forgottenAt: Instant | null;
}

export const dataSubjectStream = (subjectId: string): string => `data-subject-${subjectId}`;

export const dataSubjectDecider: Decider<ForgetDataSubject, DataSubjectEvent, DataSubjectState> = {
  initialState: { forgottenAt: null },
  decide(command) {
    const reason = command.reason.trim();
    if (reason.length === 0) return violation('reason-required', 'Say why this person is forgotten: the reason is kept in the log.');
    return [
      {
        type: 'DataSubjectForgotten',
        data: { subjectId: command.subjectId, reason, forgottenBy: command.actor, forgottenAt: command.now },
      },
    ];
  },
  evolve(state, event) {
    return event.type === 'DataSubjectForgotten' ? { forgottenAt: state.forgottenAt ?? event.data.forgottenAt } : state;
  },
};

/** `forgottenBy` is a support person: an Actor whose id is an address is encrypted like any other. */
export const privacyEventSchemas: EventSchema[] = [eventSchema('DataSubjectForgotten')];
