/** The only source of "now" at the edge; tests replace it to move time (7-day transfers, 24-hour links). */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };
