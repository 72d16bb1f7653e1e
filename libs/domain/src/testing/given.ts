import { Decider, DomainEvent, fold, isViolation, RuleViolation } from '../shared/decider';

/**
 * given([...events]).when(command).then([...events]) / .thenRefuses('code')
 * Reads like the rule it tests; fails with the decision that was actually made.
 */
export function specFor<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return function given(events: readonly E[] = []) {
    const state = fold(decider, events);
    return {
      state,
      when(command: C) {
        const decision = decider.decide(command, state);
        return {
          decision,
          then(expected: readonly E[]): void {
            if (isViolation(decision)) {
              throw new Error(`expected events but the command was refused: ${decision.code}: ${decision.message}`);
            }
            expect(decision).toEqual(expected);
          },
          thenRefuses(code: string, messageIncludes?: string | RegExp): RuleViolation {
            if (!isViolation(decision)) {
              throw new Error(`expected refusal '${code}' but got events: ${JSON.stringify(decision, null, 2)}`);
            }
            expect(decision.code).toBe(code);
            if (messageIncludes !== undefined) expect(decision.message).toMatch(messageIncludes);
            return decision;
          },
        };
      },
    };
  };
}
