import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decider, DomainEvent } from '@channel-ledger/domain';
import {
  CheckpointSealer,
  CheckpointStore,
  EventStore,
  openSqliteCheckpointStore,
  openSqliteEventStore,
} from '@channel-ledger/event-store';
import { insider } from '@channel-ledger/event-store/testing/insider';
import { CommandPipeline } from './command-pipeline';
import { BrokenStream, StreamIntegrityError } from './stream-integrity';

type SeatsAdded = DomainEvent<'SeatsAdded', { seats: number }>;
const counter: Decider<{ seats: number }, SeatsAdded, { seats: number }> = {
  initialState: { seats: 0 },
  decide: (command) => [{ type: 'SeatsAdded', data: { seats: command.seats } }],
  evolve: (state, event) => ({ seats: state.seats + event.data.seats }),
};

describe('the pipeline refuses to append to a stream whose history is broken', () => {
  let dir: string;
  let path: string;
  let store: EventStore;
  let checkpoints: CheckpointStore;
  let pipeline: CommandPipeline;
  let alerts: BrokenStream[];
  let n = 0;
  const add = (streamId: string, seats = 1) =>
    pipeline.execute({
      streamId,
      decider: counter,
      command: { seats },
      envelope: {
        commandId: `c-${++n}`,
        correlationId: 'x',
        causationId: 'x',
        actor: { kind: 'reseller', id: 'r' },
        onBehalfOf: null,
        occurredAt: '2026-03-01T00:00:00.000Z',
      },
    });
  const refusal = async (streamId: string) => {
    const before = (await store.readStream(streamId)).length;
    const error = await add(streamId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StreamIntegrityError);
    expect((await store.readStream(streamId)).length).toBe(before);
    return (error as StreamIntegrityError).violation;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guard-'));
    path = join(dir, 'ledger.sqlite');
    store = await openSqliteEventStore({ path });
    checkpoints = await openSqliteCheckpointStore(join(dir, 'checkpoints.sqlite'));
    pipeline = new CommandPipeline(store);
    alerts = [];
    pipeline.integrity.onBroken((broken) => alerts.push(broken));
    for (let i = 0; i < 3; i++) {
      await add('subscription-a');
      await add('subscription-b');
    }
  });
  afterEach(async () => {
    await store.close();
    await checkpoints.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends to intact streams, checking only what was appended since the last check', async () => {
    await add('subscription-a');
    expect(await store.readStream('subscription-a')).toHaveLength(4);
    expect(alerts).toEqual([]);
  });

  it('refuses a stream with a changed byte, with a clear code, and raises it', async () => {
    insider.editData(path, 'subscription-b', 1, () => ({ seats: 40 }));
    // A fresh process (no remembered links) verifies the whole chain.
    pipeline = new CommandPipeline(store);
    pipeline.integrity.onBroken((broken) => alerts.push(broken));
    const violation = await refusal('subscription-b');
    expect(violation).toMatchObject({
      code: 'stream-integrity-broken',
      details: { streamId: 'subscription-b', revision: '1', kind: 'altered' },
    });
    expect(alerts).toEqual([expect.objectContaining({ streamId: 'subscription-b', kind: 'altered' })]);
    expect(pipeline.integrity.brokenStreams()).toHaveLength(1);
    await add('subscription-a');
  });

  it('refuses a stream whose last events were deleted after it was verified', async () => {
    insider.deleteLastEventOf(path, 'subscription-a');
    expect(await refusal('subscription-a')).toMatchObject({ details: { kind: 'truncated' } });
  });

  describe('with the last signed checkpoint', () => {
    beforeEach(async () => {
      await new CheckpointSealer(store, checkpoints, generateKeyPairSync('ed25519')).seal();
      pipeline = new CommandPipeline(store);
      pipeline.integrity.useSealedHeads(checkpoints);
    });

    it('refuses a stream re-hashed consistently by an insider', async () => {
      insider.rehashStream(path, 'subscription-a', (data, revision) => (revision === 0n ? { seats: 9 } : data));
      expect(await refusal('subscription-a')).toMatchObject({ details: { kind: 'rewritten', revision: '2' } });
    });

    it('refuses to start afresh a stream that was deleted', async () => {
      insider.deleteStream(path, 'subscription-b');
      expect(await refusal('subscription-b')).toMatchObject({ details: { kind: 'stream-deleted' } });
    });

    it('refuses a stream whose last sealed event was deleted', async () => {
      insider.deleteLastEventOf(path, 'subscription-b');
      expect(await refusal('subscription-b')).toMatchObject({ details: { kind: 'truncated', revision: '2' } });
    });

    it('still creates streams the checkpoint never saw', async () => {
      await add('subscription-new');
      expect(await store.readStream('subscription-new')).toHaveLength(1);
    });
  });
});
