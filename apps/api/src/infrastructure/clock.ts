/** The only source of "now" at the edge; every time-dependent decision reads it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A sandbox clock, as Stripe's test clocks: set or advanced over HTTP where the configuration
 * allows it (never in the production profile), so a person or a test walks a 7-day window or a
 * renewal without waiting. Until it is set it follows the system clock.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  setTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
