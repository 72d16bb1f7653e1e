import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventIdFor } from '../event-id';
import type { EventStore, NewEvent } from '../port';
import { openSqliteEventStore } from '../sqlite';
import { checkpointProblems, CheckpointSigner, keyIdOf } from './checkpoint';
import type { CheckpointStore } from './checkpoint-store';
import { LogVerification, LogVerifier } from './log-verifier';
import { merkleRoot } from './merkle';
import { CheckpointSealer, UnsealableLogError } from './seal';
import { checkpointFileBeside, openSqliteCheckpointStore } from './sqlite-checkpoint-store';
import { insider } from '../testing/insider';

const signer = (): CheckpointSigner => generateKeyPairSync('ed25519');

let n = 0;
const event = (data: Record<string, number>): NewEvent => {
  const commandId = `c-${++n}`;
  return {
    eventId: eventIdFor(commandId, 0),
    type: 'SeatsPurchased',
    data,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'reseller', id: 'r-1' },
      onBehalfOf: null,
      occurredAt: '2026-03-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
};

async function verifyStore(store: EventStore, checkpoints: CheckpointStore): Promise<LogVerification> {
  const checkpoint = (await checkpoints.latest())!;
  const heads = new Map((await checkpoints.heads(checkpoint.sequence)).map((h) => [h.streamId, h]));
  const verifier = new LogVerifier({ expected: { checkpoint, heads } });
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 7 });
    page.events.forEach((e) => verifier.accept(e));
    if (page.isEnd || page.lastPosition === null) return verifier.finish();
    after = page.lastPosition;
  }
}

describe('signed checkpoints of the log head', () => {
  let dir: string;
  let path: string;
  let store: EventStore;
  let checkpoints: CheckpointStore;
  let key: CheckpointSigner;
  let sealer: CheckpointSealer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoints-'));
    path = join(dir, 'ledger.sqlite');
    store = await openSqliteEventStore({ path });
    checkpoints = await openSqliteCheckpointStore(checkpointFileBeside(path));
    key = signer();
    sealer = new CheckpointSealer(store, checkpoints, key, { pageSize: 3 });
    for (let i = 0; i < 4; i++) {
      await store.append('subscription-a', [event({ seats: i })], 'any');
      await store.append('subscription-b', [event({ seats: i })], 'any');
    }
    await store.append('organization-c', [event({ n: 1 })], 'any');
  });
  afterEach(async () => {
    await store.close();
    await checkpoints.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is kept in a file of its own beside the store', () => {
    expect(checkpointFileBeside('/data/channel-ledger.sqlite')).toBe('/data/channel-ledger.checkpoints.sqlite');
  });

  it('seals the head, every stream head and a signed digest, and chains the next checkpoint to it', async () => {
    const first = await sealer.seal();
    expect(first).toMatchObject({ sealed: true, newEvents: 9 });
    const one = first.checkpoint!;
    expect(one).toMatchObject({
      sequence: 1,
      headPosition: '9',
      eventCount: '9',
      streamCount: 3,
      previousDigest: null,
      keyId: keyIdOf(key.publicKey),
    });
    expect(checkpointProblems(one, key.publicKey)).toEqual([]);
    expect(await checkpoints.headOf('subscription-a')).toMatchObject({ revision: 3n });
    expect(await sealer.seal()).toMatchObject({ sealed: false, checkpoint: one });

    await store.append('subscription-a', [event({ seats: 9 })], 'any');
    const two = (await sealer.seal()).checkpoint!;
    expect(two).toMatchObject({ sequence: 2, eventCount: '10', previousDigest: one.digest });
    // Only the moved head is stored again; the heads of #2 are the latest of each stream.
    const heads = await checkpoints.heads(2);
    expect(heads.map((h) => [h.streamId, h.revision])).toEqual([
      ['organization-c', 0n],
      ['subscription-a', 4n],
      ['subscription-b', 3n],
    ]);
    expect(merkleRoot(heads)).toBe(two.streamsRoot);
    expect((await checkpoints.heads(1)).find((h) => h.streamId === 'subscription-a')?.revision).toBe(3n);
    // A fresh sealer (another process) reloads the heads from the store.
    expect((await new CheckpointSealer(store, checkpoints, key).seal()).sealed).toBe(false);
  });

  it('refuses to seal over an event that does not extend the sealed chain', async () => {
    await sealer.seal();
    await store.append('subscription-a', [event({ seats: 9 })], 'any');
    insider.editData(path, 'subscription-a', 4, () => ({ seats: 90 }));
    await expect(sealer.seal()).rejects.toThrow(UnsealableLogError);
  });

  it('detects an edited checkpoint or one signed by another key', async () => {
    const { checkpoint } = await sealer.seal();
    expect(checkpointProblems({ ...checkpoint!, eventCount: '8' }, key.publicKey)).toEqual([expect.stringMatching(/digest/)]);
    expect(checkpointProblems(checkpoint!, signer().publicKey)).toEqual([expect.stringMatching(/not the trusted key/)]);
  });

  describe('verifying the log against the last checkpoint', () => {
    beforeEach(() => sealer.seal());

    it('passes an untouched log', async () => {
      expect(await verifyStore(store, checkpoints)).toMatchObject({ ok: true, eventsChecked: 9, streamsChecked: 3 });
    });

    it('names a stream re-hashed consistently by an insider without the key', async () => {
      insider.rehashStream(path, 'subscription-b', (data, revision) => (revision === 1n ? { seats: 40 } : data));
      const result = await verifyStore(store, checkpoints);
      expect(result.findings).toEqual([expect.objectContaining({ kind: 'rewritten', streamId: 'subscription-b', revision: '3' })]);
    });

    it('names a deleted stream, a deleted last event and a cut tail', async () => {
      insider.deleteStream(path, 'organization-c');
      insider.deleteLastEventOf(path, 'subscription-a');
      const result = await verifyStore(store, checkpoints);
      expect(result.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'stream-deleted', streamId: 'organization-c', revision: '0' }),
          expect.objectContaining({ kind: 'truncated', streamId: 'subscription-a', revision: '3' }),
          expect.objectContaining({ kind: 'tail-cut' }),
          expect.objectContaining({ kind: 'event-count' }),
        ]),
      );
    });

    it('names a deleted middle event by the revision missing before the next one', async () => {
      insider.deleteEvent(path, 'subscription-a', 1);
      const result = await verifyStore(store, checkpoints);
      expect(result.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'missing-events',
            streamId: 'subscription-a',
            revision: '2',
            reason: expect.stringMatching(/revision 1 is missing/),
          }),
        ]),
      );
    });
  });
});
