import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeaseStore, openSqliteLeaseStore } from '@channel-ledger/read-store';
import { ProjectorLease } from './lease';

const TTL = 300;

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A ProjectorLease whose "work" only records when it runs. */
const contenders: ProjectorLease[] = [];

function contender(leases: LeaseStore, holder: string) {
  const events: string[] = [];
  const lease = new ProjectorLease({
    leases,
    holder,
    ttlMs: TTL,
    log: (line) => events.push(line),
    start: async () => {
      events.push('start');
      return { stop: async () => void events.push('stop') };
    },
  });
  contenders.push(lease);
  return { lease, events, running: () => events.filter((e) => e === 'start').length > events.filter((e) => e === 'stop').length };
}

describe('projector lease', () => {
  let dir: string;
  const opened: LeaseStore[] = [];
  const open = async () => {
    const store = await openSqliteLeaseStore({ path: join(dir, 'ledger.sqlite') });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projector-lease-'));
  });
  afterEach(async () => {
    for (const lease of contenders.splice(0)) await lease.stop();
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one contender active; a stopped one releases and the standby takes over at its next poll', async () => {
    const a = contender(await open(), 'A');
    const b = contender(await open(), 'B');
    const ranA = a.lease.run();
    await until('A active', () => a.running());
    const ranB = b.lease.run();
    await new Promise((r) => setTimeout(r, TTL * 3)); // several renewals and polls
    expect(a.running()).toBe(true);
    expect(b.events).not.toContain('start');
    expect(b.events.join('\n')).toMatch(/standby: lease "projector" is held by A/);
    const stoppedAt = Date.now();
    await a.lease.stop();
    await ranA;
    expect(a.events.slice(-2)).toEqual(['stop', 'released lease "projector"']);
    await until('B active', () => b.running());
    expect(Date.now() - stoppedAt).toBeLessThan(TTL); // released: no need to wait for the TTL
    await b.lease.stop();
    await ranB;
    expect(await (await open()).current('projector')).toBeNull();
  });

  it('stops its work at once when a renewal is refused (another holder took the lapsed lease), then stands by', async () => {
    const leases = await open();
    const a = contender(leases, 'A');
    const ran = a.lease.run();
    await until('A active', () => a.running());
    // Another process whose clock says A's lease has lapsed takes it.
    expect(await (await open()).tryAcquire('projector', 'thief', 60_000, Date.now() + 10 * TTL)).toBe(true);
    await until('A stopped', () => !a.running(), TTL * 2);
    expect(a.lease.active).toBe(false);
    expect(a.events.join('\n')).toMatch(/lost lease "projector" \(now held by thief\): stopping at once/);
    expect(a.events.join('\n')).toMatch(/standby: lease "projector" is held by thief/);
    await a.lease.stop();
    await ran;
    expect(await leases.current('projector')).toMatchObject({ holder: 'thief' }); // not released: not A's
  });

  it('stops its work before the lease can lapse when the store cannot be reached', async () => {
    const leases = await open();
    let reachable = true;
    const flaky: LeaseStore = {
      tryAcquire: async (...args) => {
        if (!reachable) throw new Error('store unreachable');
        return leases.tryAcquire(...args);
      },
      renew: async (...args) => {
        if (!reachable) throw new Error('store unreachable');
        return leases.renew(...args);
      },
      release: (...args) => leases.release(...args),
      current: (...args) => leases.current(...args),
      close: async () => undefined,
    };
    const a = contender(flaky, 'A');
    const ran = a.lease.run();
    await until('A active', () => a.running());
    reachable = false;
    const cutAt = Date.now();
    const { expiresAt } = (await leases.current('projector'))!;
    await until('A stopped', () => !a.running(), TTL * 2);
    expect(Date.now()).toBeLessThan(expiresAt);
    expect(Date.now() - cutAt).toBeLessThan(TTL);
    expect(a.events.join('\n')).toMatch(/could not renew lease "projector": store unreachable/);
    expect(a.events.join('\n')).toMatch(/would lapse before the next renewal: stopping at once/);
    await new Promise((r) => setTimeout(r, TTL));
    expect(a.running()).toBe(false);
    expect(a.events.join('\n')).toMatch(/standby: could not reach lease "projector": store unreachable/);
    reachable = true; // back: nobody else took it, so A takes it again
    await until('A active again', () => a.running());
    await a.lease.stop();
    await ran;
  });
});
