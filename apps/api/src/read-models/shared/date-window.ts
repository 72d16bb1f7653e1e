import { InvalidInputException } from '../../http/invalid-input.exception';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A half-open window [from, before) as canonical instants, either end optional. */
export interface InstantWindow {
  from?: string;
  before?: string;
}

/**
 * Turns `from`/`to` query values (ISO-8601 dates or instants, validated by the DTO) into a
 * half-open window. Both ends are inclusive as a person means them: `to=2026-03-31` includes that
 * whole day (UTC), `to=2026-03-31T12:00:00Z` that instant.
 */
export function instantWindow(from: string | undefined, to: string | undefined, names: { from: string; to: string }): InstantWindow {
  const window: InstantWindow = {};
  if (from !== undefined) window.from = new Date(Date.parse(from)).toISOString();
  if (to !== undefined) {
    const end = Date.parse(to);
    window.before = new Date(DATE_ONLY.test(to) ? end + DAY_MS : end + 1).toISOString();
  }
  if (window.from !== undefined && window.before !== undefined && window.from >= window.before) {
    throw new InvalidInputException([{ field: names.to, messages: [`${names.to} must not be before ${names.from}`] }]);
  }
  return window;
}
