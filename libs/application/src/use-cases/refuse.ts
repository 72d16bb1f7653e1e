import { isViolation, RuleViolation, violation } from '@channel-ledger/domain';
import { RuleViolationError } from '../pipeline/errors';

/** Unwraps a lookup that may be a rule violation (e.g. a plan price), refusing the command if so. */
export function orRefuse<T>(value: T | RuleViolation): T {
  if (isViolation(value)) throw new RuleViolationError(value);
  return value;
}

/** A missing fact of another tenant is reported as not found, never as forbidden. */
export function required<T>(value: T | null | undefined, code: string, message: string): T {
  if (value === null || value === undefined) throw new RuleViolationError(violation(code, message));
  return value;
}
