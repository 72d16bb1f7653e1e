import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { lateSeats, runLateSeatsScenario } from '@channel-ledger/application/testing/late-seats-scenario';
import { cliLedger } from './testing/cli-harness';

describe('channel-ledger state / replay / invoice-owner on two time axes', () => {
  let ledger: ReturnType<typeof cliLedger>;
  const seats = async (...axes: string[]) => {
    const result = await ledger.run('state', 'subscription', lateSeats.subscriptionId, '--json', ...axes);
    expect(result.code).toBe(0);
    return result.json<{ state: { seats: number } }>().state.seats;
  };

  beforeAll(async () => {
    ledger = cliLedger();
    let recordedAt = new Date(0);
    const store = await openSqliteEventStore({ path: ledger.path, clock: () => recordedAt });
    await runLateSeatsScenario(store, (iso) => (recordedAt = new Date(iso)));
    await store.close();
  });
  afterAll(() => ledger.remove());

  it('state --as-of the day before the late seat addition took effect shows the old seats', async () => {
    expect(await seats('--as-of', '2026-02-28')).toBe(10);
    expect(await seats('--as-of', '2026-03-01')).toBe(15);
  });

  it('state --as-known-at a time before it was recorded shows the old seats for any business date', async () => {
    for (const asOf of ['2026-02-28', '2026-03-02', '2026-06-30', '2026-12-31'])
      expect(await seats('--as-of', asOf, '--as-known-at', '2026-03-14T23:59:59Z')).toBe(10);
    expect(await seats('--as-of', '2026-03-02', '--as-known-at', lateSeats.seatsRecordedAt)).toBe(15);
  });

  it('replay tells each event with who, for whom, both times and a sentence', async () => {
    const result = await ledger.run('replay', 'subscription', lateSeats.subscriptionId, '--as-of', '2026-12-31');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/SeatsPurchased — Seats added: 10 → 15/);
    expect(result.out).toMatch(
      new RegExp(
        `by reseller:${lateSeats.resellerId} for organization:${lateSeats.organizationId}; in force ${lateSeats.seatsEffectiveAt}, recorded ${lateSeats.seatsRecordedAt}`,
      ),
    );
    const early = await ledger.run('replay', 'subscription', lateSeats.subscriptionId, '--as-of', '2026-02-01');
    expect(early.out).toMatch(/Recorded but not yet in force on 2026-02-01/);
  });

  it('invoice-owner names who, since when, through which channel and the event that made it so', async () => {
    const result = await ledger.run('invoice-owner', lateSeats.subscriptionId, '--at', '2026-04-01');
    expect(result.out).toMatch(
      new RegExp(
        `went to Late Resale \\(reseller ${lateSeats.resellerId}, sales@late.example\\), through the reseller channel, since ${lateSeats.purchasedAt}`,
      ),
    );
    expect(result.out).toMatch(/Made so by SubscriptionPurchased #0/);
    const before = await ledger.run('invoice-owner', lateSeats.subscriptionId, '--at', '2026-04-01', '--as-known-at', '2026-01-01');
    expect(before.out).toMatch(/had no invoice owner/);
  });

  it('answers bad arguments with a usage message and exit status 2, never a stack trace', async () => {
    for (const args of [
      ['state', 'subscription', 'x', '--as-of', 'tomorrow'],
      ['state', 'invoice', 'x'],
      ['state', 'subscription'],
      ['invoice-owner', 'x'],
      ['export', '--format', 'xml'],
      ['frobnicate'],
    ]) {
      const result = await ledger.run(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.err).toMatch(/error|Usage/);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });

  it('runs as a command (bin entry) without a build: --version, and exit 2 for a usage error', () => {
    const bin = join(__dirname, '..', 'bin', 'channel-ledger.js');
    const version = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, ...ledger.env }, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const usage = spawnSync(process.execPath, [bin, 'state', 'subscription', 'x', '--as-known-at', 'noon'], {
      env: { ...process.env, ...ledger.env },
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--as-known-at must be a date/);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
