import { rmSync, writeFileSync } from 'node:fs';
import { insider } from '@channel-ledger/event-store/testing/insider';
import { Finding, LogVerification } from '@channel-ledger/event-store';
import { seed } from '@channel-ledger/application/testing/seed-scenario';
import { cliLedger } from './testing/cli-harness';

const subscription = `subscription-${seed.subscriptionId}`;
const organization = `organization-${seed.organizationId}`;

describe('channel-ledger verify (the store)', () => {
  let ledger: ReturnType<typeof cliLedger>;
  const findings = async (...extra: string[]) => {
    const result = await ledger.run('verify', '--json', ...extra);
    return { code: result.code, findings: result.json<LogVerification>().findings };
  };

  beforeEach(async () => {
    ledger = cliLedger();
    await ledger.seed();
    expect((await ledger.run('checkpoint', 'seal')).code).toBe(0);
  });
  afterEach(() => ledger.remove());

  it('passes an untouched ledger and says what it held it to', async () => {
    const result = await ledger.run('verify');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Held to checkpoint #1/);
    expect(result.out).toMatch(/OK: nothing altered/);
  });

  it('names a stream re-hashed consistently and a stream deleted whole', async () => {
    // An insider with write access to the file (not the key) raises seats and re-seals the chain.
    insider.rehashStream(ledger.path, subscription, (data, revision) => (revision === 0n ? { ...data, seats: 1000 } : data));
    insider.deleteStream(ledger.path, organization);
    const result = await ledger.run('verify');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAILED/);
    const { findings: named } = await findings();
    expect(named).toEqual(
      expect.arrayContaining([
        expect.objectContaining<Partial<Finding>>({ kind: 'rewritten', streamId: subscription }),
        expect.objectContaining<Partial<Finding>>({ kind: 'stream-deleted', streamId: organization }),
      ]),
    );
  });

  it('catches an invoice line changed and re-sealed consistently by recomputing it', async () => {
    insider.rehashStream(ledger.path, subscription, (data) =>
      data.invoiceId === 'inv-2' && Array.isArray(data.lines)
        ? { ...data, lines: (data.lines as { amount: string }[]).map((l) => ({ ...l, amount: '1.00' })), total: '1.00' }
        : data,
    );
    const { code, findings: named } = await findings('--no-recompute');
    // Without recomputation only the checkpoint notices; the amounts are what the auditor cares about.
    expect(named.filter((f) => f.kind === 'amount')).toEqual([]);
    expect(code).toBe(1);
    const recomputed = (await findings()).findings.filter((f) => f.kind === 'amount');
    expect(recomputed).toEqual([
      expect.objectContaining({
        streamId: subscription,
        reason: expect.stringMatching(/line 1: amount is 1\.00, the formula gives \d+\.\d\d/),
      }),
    ]);
  });

  it('catches a tampered invoice total by recomputation, also when held to a digest the auditor wrote down', async () => {
    insider.rehashStream(ledger.path, subscription, (data) => (data.invoiceId === 'inv-1' ? { ...data, total: '5.00' } : data));
    const { findings: named } = await findings(
      '--against',
      (await ledger.run('checkpoint', 'show', '--json')).json<{ digest: string }>().digest,
    );
    expect(named).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'amount', reason: expect.stringMatching(/total is 5\.00, its lines add up to 960\.00/) }),
      ]),
    );
  });

  it("holds the log to a checkpoint the auditor kept, even when the store's checkpoints were replaced", async () => {
    const kept = ledger.file('kept-checkpoint.json');
    const shown = await ledger.run('checkpoint', 'show', '--json', '--with-heads');
    writeFileSync(kept, shown.out);
    insider.deleteLastEventOf(ledger.path, subscription);
    // The insider also throws the checkpoint file away and seals a fresh one over the shortened log.
    rmSync(ledger.path.replace(/\.sqlite$/, '.checkpoints.sqlite'));
    expect((await ledger.run('checkpoint', 'seal')).code).toBe(0);
    expect((await findings()).findings.filter((f) => f.kind === 'truncated')).toEqual([]);
    const against = await findings('--against', kept);
    expect(against.code).toBe(1);
    expect(against.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'checkpoint', reason: expect.stringMatching(/not the one you kept/) }),
        expect.objectContaining({ kind: 'truncated', streamId: subscription }),
      ]),
    );
  });
});
