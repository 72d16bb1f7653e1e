import { readFileSync, writeFileSync } from 'node:fs';
import { Finding } from '@channel-ledger/event-store';
import { seed } from '@channel-ledger/application/testing/seed-scenario';
import { ExportVerification } from './export/verify-export';
import { cliLedger } from './testing/cli-harness';

const subscription = `subscription-${seed.subscriptionId}`;

interface Line {
  record: string;
  streamId?: string;
  revision?: string;
  eventId?: string;
  type?: string;
}

describe('channel-ledger export and verify --file (offline)', () => {
  let ledger: ReturnType<typeof cliLedger>;
  let exported: string;
  let lines: string[];
  const parsed = () => lines.map((l) => JSON.parse(l) as Line);
  const eventIndex = (streamId: string, revision: number) =>
    parsed().findIndex((l) => l.record === 'event' && l.streamId === streamId && l.revision === String(revision));
  const lastRevisionOf = (streamId: string) =>
    Math.max(
      ...parsed()
        .filter((l) => l.streamId === streamId)
        .map((l) => Number(l.revision)),
    );
  const verifyTampered = async (edit: (lines: string[]) => string[]) => {
    const file = ledger.file('tampered.jsonl');
    writeFileSync(file, edit([...lines]).join('\n') + '\n');
    const result = await ledger.run('verify', '--file', file, '--json');
    expect(result.code).toBe(1);
    return result.json<ExportVerification>().findings;
  };

  beforeAll(async () => {
    ledger = cliLedger();
    await ledger.seed();
    exported = ledger.file('ledger.jsonl');
    const result = await ledger.run('export', '--out', exported);
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/Exported \d+ events to .*, held to checkpoint #1/) });
    lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
  });
  afterAll(() => ledger.remove());

  it('writes a header, the checkpoint with every head, the events and a footer; the untouched export verifies', async () => {
    expect(
      parsed()
        .map((l) => l.record)
        .filter((r, i, all) => all.indexOf(r) === i),
    ).toEqual(['header', 'checkpoint', 'head', 'event', 'footer']);
    const result = await ledger.run('verify', '--file', exported);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/OK: nothing altered/);
    expect(result.out).toMatch(/key inside the export/);
  });

  it('names the event in which one byte was flipped (stream, revision, event id)', async () => {
    const at = eventIndex(subscription, 0);
    const { eventId } = parsed()[at];
    const findings = await verifyTampered((l) => {
      l[at] = l[at].replace('"seats":10', '"seats":19');
      return l;
    });
    expect(findings).toEqual([
      expect.objectContaining<Partial<Finding>>({ kind: 'altered', streamId: subscription, revision: '0', eventId }),
    ]);
  });

  it('names a deleted middle event by its stream and the revision missing', async () => {
    const at = eventIndex(subscription, 1);
    const next = parsed()[eventIndex(subscription, 2)];
    const findings = await verifyTampered((l) => l.filter((_, i) => i !== at));
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'missing-events',
          streamId: subscription,
          revision: '2',
          eventId: next.eventId,
          reason: expect.stringMatching(/revision 1 is missing/),
        }),
        expect.objectContaining({ kind: 'event-count' }),
      ]),
    );
  });

  it('names two swapped events', async () => {
    const a = eventIndex(subscription, 1);
    const b = eventIndex(subscription, 2);
    const findings = await verifyTampered((l) => {
      [l[a], l[b]] = [l[b], l[a]];
      return l;
    });
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'out-of-order', streamId: subscription, revision: '1', eventId: parsed()[a].eventId }),
      ]),
    );
  });

  it('names two swapped events of different streams (each chain alone still holds)', async () => {
    const events = parsed()
      .map((l, i) => ({ ...l, i }))
      .filter((l) => l.record === 'event');
    const pair = events.findIndex((e, k) => k + 1 < events.length && events[k + 1].streamId !== e.streamId);
    const [first, second] = [events[pair], events[pair + 1]];
    const findings = await verifyTampered((l) => {
      [l[first.i], l[second.i]] = [l[second.i], l[first.i]];
      return l;
    });
    expect(findings).toEqual([expect.objectContaining({ kind: 'out-of-order', streamId: first.streamId, eventId: first.eventId })]);
  });

  it('names the deleted last event of a stream (nothing after it links to it; the checkpoint does)', async () => {
    const last = lastRevisionOf(subscription);
    const at = eventIndex(subscription, last);
    const { eventId } = parsed()[at];
    const findings = await verifyTampered((l) => l.filter((_, i) => i !== at));
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'truncated',
          streamId: subscription,
          revision: String(last),
          eventId,
          reason: expect.stringMatching(/deleted/),
        }),
      ]),
    );
  });

  it("names the log's tail cut off (footer and all)", async () => {
    const footer = lines.length - 1;
    const cut = await verifyTampered((l) => l.slice(0, footer - 3));
    expect(cut).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'tail-cut', reason: expect.stringMatching(/sealed the log up to position/) }),
        expect.objectContaining({ kind: 'stream-deleted' }),
      ]),
    );
  });

  it('refuses a checkpoint whose heads were edited to match a shortened log', async () => {
    const findings = await verifyTampered((l) =>
      l.map((line) =>
        line.includes('"record":"head"') && line.includes(subscription) ? line.replace(/"revision":"(\d+)"/, '"revision":"1"') : line,
      ),
    );
    expect(findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'checkpoint', reason: expect.stringMatching(/signed root/) })]),
    );
  });

  it('exports one stream, one tenant and a recorded-time range, each verifiable on its own', async () => {
    for (const [name, args] of [
      ['stream', ['--stream', subscription]],
      ['tenant', ['--tenant', `reseller:${seed.resellerId}-two`]],
      ['range', ['--from', '2020-01-01', '--to', '2100-01-01']],
    ] as const) {
      const file = ledger.file(`${name}.jsonl`);
      expect((await ledger.run('export', '--no-seal', '--out', file, ...args)).code).toBe(0);
      const records = readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Line);
      const streams = new Set(records.filter((r) => r.record === 'event').map((r) => r.streamId));
      if (name === 'stream') expect([...streams]).toEqual([subscription]);
      if (name === 'tenant') expect([...streams].every((s) => s!.endsWith('-two'))).toBe(true);
      const verified = await ledger.run('verify', '--file', file, '--json');
      expect({ name, code: verified.code, findings: verified.json<ExportVerification>().findings }).toEqual({
        name,
        code: 0,
        findings: [],
      });
    }
  });

  it('exports CSV for spreadsheets, which verify --file declines with a clear message', async () => {
    const file = ledger.file('ledger.csv');
    expect((await ledger.run('export', '--format', 'csv', '--no-seal', '--out', file)).code).toBe(0);
    const csv = readFileSync(file, 'utf8').split('\n');
    expect(csv[0]).toBe('position,stream_id,revision,event_id,type,occurred_at,recorded_at,actor,on_behalf_of,data,previous_hash,hash');
    expect(csv[1]).toMatch(/^1,reseller-/);
    const refused = await ledger.run('verify', '--file', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/CSV export, which is for spreadsheets: verify the JSONL export/);
  });

  it('checks the signature against the key the auditor holds, and names a foreign one', async () => {
    const key = (await ledger.run('checkpoint', 'key', '--json')).json<{ publicKey: string }>();
    expect((await ledger.run('verify', '--file', exported, '--public-key', key.publicKey)).code).toBe(0);
    const { generateKeyPairSync } = await import('node:crypto');
    const foreign = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const wrong = await ledger.run('verify', '--file', exported, '--public-key', foreign, '--json');
    expect(wrong.json<ExportVerification>().findings).toEqual([
      expect.objectContaining({ kind: 'checkpoint', reason: expect.stringMatching(/not the trusted key/) }),
    ]);
  });
});
