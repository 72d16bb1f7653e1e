import { Inject, Injectable } from '@nestjs/common';
import { RuleViolationError } from '@channel-ledger/application';
import { violation } from '@channel-ledger/domain';
import { CLOCK, Clock, TestClock } from '../../infrastructure/clock';

export interface ClockReading {
  /** The time every command is stamped with (business time, `occurredAt`). */
  now: string;
  /** How far the sandbox clock is ahead of real time; it keeps running at normal speed from there. */
  aheadByMs: number;
}

/**
 * The sandbox clock, as Stripe's test clocks: set forward or advanced so a 7-day ownership offer
 * or a renewal can be walked through without waiting. Only forward: events already recorded
 * carry sandbox times, and a clock set back would stamp new facts before them. Reset returns
 * to real time on purpose (the end of a demo), whatever was recorded meanwhile.
 */
@Injectable()
export class SandboxClock {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** False when the application runs on the system clock (the gate has already answered 404 then). */
  get enabled(): boolean {
    return this.clock instanceof TestClock;
  }

  read(): ClockReading {
    const now = this.clock.now();
    return { now: now.toISOString(), aheadByMs: now.getTime() - Date.now() };
  }

  setTo(at: Date): ClockReading {
    const current = this.clock.now();
    if (at.getTime() < current.getTime()) {
      throw new RuleViolationError(
        violation(
          'clock-cannot-go-back',
          `The sandbox clock is at ${current.toISOString()}; it only moves forward (facts are already recorded at that time). Reset it to return to real time.`,
          { now: current.toISOString(), requested: at.toISOString() },
        ),
      );
    }
    this.testClock.setTo(at);
    return this.read();
  }

  advance(ms: number): ClockReading {
    this.testClock.advance(ms);
    return this.read();
  }

  reset(): ClockReading {
    this.testClock.reset();
    return this.read();
  }

  private get testClock(): TestClock {
    return this.clock as TestClock;
  }
}
