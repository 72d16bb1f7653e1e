import { RuleViolationError } from '@channel-ledger/application';
import { violation } from '@channel-ledger/domain';

/**
 * What the API answers for anything the caller may not read, exactly as for what does not
 * exist (404): another tenant's data is never confirmed to exist.
 */
export function notVisible(what: string, id?: string): RuleViolationError {
  const named = id ? `${what} ${id}` : what;
  return new RuleViolationError(violation(`${what.replace(/ /g, '-')}-not-found`, `No ${named} is visible to you.`));
}
