import { RuleViolation } from '@channel-ledger/domain';

/** A business rule refused the command; carries the decider's violation unchanged. */
export class RuleViolationError extends Error {
  override readonly name = 'RuleViolationError';
  constructor(readonly violation: RuleViolation) {
    super(`${violation.code}: ${violation.message}`);
  }
}

/** Optimistic concurrency kept failing: someone else keeps writing the same stream. */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`stream ${streamId} changed concurrently ${attempts} times in a row; try again`);
  }
}
