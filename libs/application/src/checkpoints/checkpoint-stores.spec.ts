import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECKPOINT_FORMAT,
  CheckpointConflictError,
  CheckpointSealer,
  CheckpointStore,
  eventIdFor,
  EventStore,
  merkleRoot,
  openSqliteCheckpointStore,
  openSqliteEventStore,
  signCheckpoint,
  keyIdOf,
} from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';

const key = generateKeyPairSync('ed25519');

describe.each([
  [
    'a SQLite file of its own',
    async (dir: string) => ({
      checkpoints: await openSqliteCheckpointStore(join(dir, 'checkpoints.sqlite')),
      readStore: null as ReadStore | null,
    }),
  ],
  [
    'read-store collections (MongoDB in production)',
    async (dir: string) => {
      const readStore = await openSqliteReadStore({ path: join(dir, 'reads.sqlite') });
      return { checkpoints: new ReadStoreCheckpointStore(readStore) as CheckpointStore, readStore };
    },
  ],
])('checkpoints kept in %s', (_name, open) => {
  let dir: string;
  let store: EventStore;
  let checkpoints: CheckpointStore;
  let readStore: ReadStore | null;
  let n = 0;
  const append = (streamId: string) => {
    const commandId = `c-${++n}`;
    return store.append(
      streamId,
      [
        {
          eventId: eventIdFor(commandId, 0),
          type: 'Noted',
          data: { n },
          metadata: {
            commandId,
            correlationId: commandId,
            causationId: commandId,
            actor: { kind: 'system', id: 's' },
            onBehalfOf: null,
            occurredAt: '2026-01-01T00:00:00.000Z',
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-stores-'));
    store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
    ({ checkpoints, readStore } = await open(dir));
  });
  afterEach(async () => {
    await checkpoints.close();
    await readStore?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each checkpoint with the heads that moved, and answers every stream head as of any checkpoint', async () => {
    expect(await checkpoints.latest()).toBeNull();
    const sealer = new CheckpointSealer(store, checkpoints, key);
    await append('reseller-a');
    await append('reseller-b');
    const one = (await sealer.seal()).checkpoint!;
    await append('reseller-a');
    await append('reseller-c');
    const two = (await new CheckpointSealer(store, checkpoints, key).seal()).checkpoint!;
    expect((await checkpoints.list()).map((c) => c.digest)).toEqual([one.digest, two.digest]);
    expect(await checkpoints.bySequence(1)).toEqual(one);
    expect(await checkpoints.latest()).toEqual(two);
    expect((await checkpoints.heads(1)).map((h) => [h.streamId, h.revision])).toEqual([
      ['reseller-a', 0n],
      ['reseller-b', 0n],
    ]);
    const heads = await checkpoints.heads(2);
    expect(heads.map((h) => [h.streamId, h.revision])).toEqual([
      ['reseller-a', 1n],
      ['reseller-b', 0n],
      ['reseller-c', 0n],
    ]);
    expect(merkleRoot(heads)).toBe(two.streamsRoot);
    expect(await checkpoints.headOf('reseller-a')).toMatchObject({ revision: 1n, position: 3n });
    expect(await checkpoints.headOf('reseller-a', 1)).toMatchObject({ revision: 0n });
    expect(await checkpoints.headOf('reseller-z')).toBeNull();
  });

  it('refuses a checkpoint that does not follow the latest (two sealers racing)', async () => {
    await append('reseller-a');
    await new CheckpointSealer(store, checkpoints, key).seal();
    const stale = signCheckpoint(
      {
        format: CHECKPOINT_FORMAT,
        sequence: 1,
        sealedAt: '2026-01-01T00:00:00.000Z',
        headPosition: '1',
        eventCount: '1',
        streamCount: 0,
        streamsRoot: merkleRoot([]),
        previousDigest: null,
        keyId: keyIdOf(key.publicKey),
      },
      key,
    );
    await expect(checkpoints.append(stale, [])).rejects.toThrow(CheckpointConflictError);
  });
});
