import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeaseStore } from '@channel-ledger/read-store';

/** The one lease all of a projector's projections and time-driven processes run under. */
export const PROJECTOR_LEASE = 'projector';

/** What the lease guards, started each time this process becomes the active one. */
export interface ActiveWork {
  /** Graceful: the projections commit the batch they are on; nothing runs afterwards. */
  stop(): Promise<void>;
}

export interface ProjectorLeaseOptions {
  leases: LeaseStore;
  ttlMs: number;
  start: () => Promise<ActiveWork>;
  name?: string;
  holder?: string;
  /** Epoch ms; the system clock by default. */
  now?: () => number;
  log?: (line: string) => void;
}

/** Unique per process start, and readable in the logs: host, pid and a random tail. */
export function leaseHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Runs `start()`'s work only while this process holds the lease. A standby polls every third of
 * the TTL and takes the lease once it has lapsed (its holder died or hung) or was released; the
 * active process renews every third of the TTL, and the moment a renewal is refused (someone took
 * over) or the lease would lapse before its next attempt (the store is unreachable), it stops its
 * work and goes back to standby. A stop (SIGTERM) stops the work, then releases the lease so a
 * standby takes over at its next poll rather than after the TTL.
 */
export class ProjectorLease {
  readonly name: string;
  readonly holder: string;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private stopping = false;
  private readonly wakers = new Set<() => void>();
  private running: Promise<void> | null = null;
  private activeSince: number | null = null;

  constructor(private readonly options: ProjectorLeaseOptions) {
    this.name = options.name ?? PROJECTOR_LEASE;
    this.holder = options.holder ?? leaseHolderId();
    this.intervalMs = Math.max(1, Math.floor(options.ttlMs / 3));
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** True while this process holds the lease (and its work is started or starting). */
  get active(): boolean {
    return this.activeSince !== null;
  }

  /** Starts competing for the lease; the promise settles when stopped (or rejects if the work failed to start). */
  run(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  /** Stops the work if active, releases the lease, and stops competing. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers) wake();
    await this.running;
  }

  private async loop(): Promise<void> {
    let seen: string | null = null;
    while (!this.stopping) {
      const at = this.now();
      let acquired = false;
      try {
        acquired = await this.options.leases.tryAcquire(this.name, this.holder, this.options.ttlMs, at);
        if (!acquired) {
          const lease = await this.options.leases.current(this.name);
          const holder = lease?.holder ?? null;
          if (holder !== seen) {
            this.log(
              `standby: lease "${this.name}" is held by ${holder} until ${lease ? new Date(lease.expiresAt).toISOString() : '-'}; I am ${this.holder}`,
            );
            seen = holder;
          }
        }
      } catch (error) {
        if (seen !== '(unreachable)')
          this.log(`standby: could not reach lease "${this.name}": ${error instanceof Error ? error.message : String(error)}`);
        seen = '(unreachable)';
      }
      if (!acquired) {
        await this.sleep(this.intervalMs);
        continue;
      }
      seen = null;
      this.activeSince = at;
      this.log(`acquired lease "${this.name}" as ${this.holder} (ttl ${this.options.ttlMs} ms): starting the projections and processes`);
      const renewal = this.keepRenewing(at + this.options.ttlMs);
      let work: ActiveWork;
      try {
        work = await this.options.start();
      } catch (error) {
        this.stopping = true;
        for (const wake of this.wakers) wake();
        await renewal;
        await this.release();
        throw error;
      }
      const outcome = await renewal;
      await work.stop();
      this.activeSince = null;
      if (outcome === 'stopped') {
        await this.release();
        return;
      }
      this.log(`stopped the projections and processes after losing lease "${this.name}"; back to standby`);
    }
  }

  /** Renews every interval until stopped ('stopped') or the lease is no longer certainly ours ('lost'). */
  private async keepRenewing(initialDeadline: number): Promise<'lost' | 'stopped'> {
    let deadline = initialDeadline;
    for (;;) {
      await this.sleep(this.intervalMs);
      if (this.stopping) return 'stopped';
      const at = this.now();
      try {
        if (!(await this.options.leases.renew(this.name, this.holder, this.options.ttlMs, at))) {
          const lease = await this.options.leases.current(this.name).catch(() => null);
          this.log(`lost lease "${this.name}" (now held by ${lease?.holder ?? 'nobody'}): stopping at once`);
          return 'lost';
        }
        deadline = at + this.options.ttlMs;
      } catch (error) {
        this.log(`could not renew lease "${this.name}": ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopping) return 'stopped';
      if (this.now() + this.intervalMs >= deadline) {
        this.log(`lease "${this.name}" would lapse before the next renewal: stopping at once`);
        return 'lost';
      }
    }
  }

  private async release(): Promise<void> {
    try {
      await this.options.leases.release(this.name, this.holder);
      this.log(`released lease "${this.name}"`);
    } catch (error) {
      this.log(
        `could not release lease "${this.name}" (a standby takes over when it lapses): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((done) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        done();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
