/**
 * A decider is the whole behaviour of one aggregate (one event stream) as three pure pieces.
 * No I/O, no clock, no random ids: everything a decision needs arrives in the command
 * (including `now` and any fact read from another stream, under `context`).
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

export interface RuleViolation {
  readonly kind: 'rule-violation';
  /** Stable, kebab-case, part of the API contract (e.g. `customer-is-read-only`). */
  readonly code: string;
  /** A sentence a person understands. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Decision<E> = readonly E[] | RuleViolation;

export interface Decider<C, E extends DomainEvent, S> {
  readonly initialState: S;
  decide(command: C, state: S): Decision<E>;
  evolve(state: S, event: E): S;
}

export function violation(code: string, message: string, details?: Record<string, unknown>): RuleViolation {
  return details === undefined ? { kind: 'rule-violation', code, message } : { kind: 'rule-violation', code, message, details };
}

export function isViolation(value: unknown): value is RuleViolation {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rule-violation';
}

export function fold<E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
