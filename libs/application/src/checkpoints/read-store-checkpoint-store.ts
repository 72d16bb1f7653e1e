import {
  byStreamId,
  CheckpointConflictError,
  checkpointOnly,
  CheckpointStore,
  headFromJson,
  headToJson,
  SignedCheckpoint,
  StreamHead,
  StreamHeadJson,
} from '@channel-ledger/event-store';
import { BatchRejectedError, ReadDocument, ReadStore } from '@channel-ledger/read-store';

/** Collections of their own, outside every projection (no projection drops or rebuilds them). */
export const CHECKPOINTS_COLLECTION = 'ledger_checkpoints';
export const CHECKPOINT_HEADS_COLLECTION = 'ledger_checkpoint_heads';

type CheckpointDocument = ReadDocument & { sequence: number; checkpoint: string };
type HeadDocument = ReadDocument & StreamHeadJson & { sequence: number };

/**
 * Checkpoints kept in the read store: on the production stack a MongoDB collection, apart from
 * the events in EventStoreDB. A document per checkpoint (its id is the digest; the unique index on
 * sequence turns two sealers racing for the same number into a conflict, not an overwrite) and a
 * document per head that moved.
 */
export class ReadStoreCheckpointStore implements CheckpointStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly readStore: ReadStore) {}

  async latest(): Promise<SignedCheckpoint | null> {
    await this.declare();
    const page = await this.readStore.find(CHECKPOINTS_COLLECTION, { sort: [{ field: 'sequence', direction: 'desc' }], limit: 1 });
    return parse(page.documents[0]);
  }

  async bySequence(sequence: number): Promise<SignedCheckpoint | null> {
    await this.declare();
    const page = await this.readStore.find(CHECKPOINTS_COLLECTION, { where: { sequence }, limit: 1 });
    return parse(page.documents[0]);
  }

  async list(): Promise<SignedCheckpoint[]> {
    await this.declare();
    const all: SignedCheckpoint[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.readStore.find(CHECKPOINTS_COLLECTION, {
        sort: [{ field: 'sequence', direction: 'asc' }],
        limit: 1000,
        cursor,
      });
      all.push(...page.documents.map((d) => parse(d)!));
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async heads(sequence: number): Promise<StreamHead[]> {
    await this.declare();
    const latest = new Map<string, HeadDocument>();
    let cursor: string | null = null;
    do {
      const page = await this.readStore.find(CHECKPOINT_HEADS_COLLECTION, {
        where: { sequence: { lte: sequence } },
        sort: [{ field: 'sequence', direction: 'asc' }],
        limit: 1000,
        cursor,
      });
      for (const doc of page.documents as HeadDocument[]) latest.set(doc.streamId, doc);
      cursor = page.nextCursor;
    } while (cursor);
    return [...latest.values()].map(headFromJson).sort(byStreamId);
  }

  async headOf(streamId: string, sequence?: number): Promise<StreamHead | null> {
    await this.declare();
    const upTo = sequence ?? (await this.latest())?.sequence ?? 0;
    const page = await this.readStore.find(CHECKPOINT_HEADS_COLLECTION, {
      where: { streamId, sequence: { lte: upTo } },
      sort: [{ field: 'sequence', direction: 'desc' }],
      limit: 1,
    });
    const doc = page.documents[0] as HeadDocument | undefined;
    return doc ? headFromJson(doc) : null;
  }

  async append(checkpoint: SignedCheckpoint, changedHeads: readonly StreamHead[]): Promise<void> {
    await this.declare();
    if (checkpoint.sequence !== ((await this.latest())?.sequence ?? 0) + 1) throw new CheckpointConflictError(checkpoint.sequence);
    const document: CheckpointDocument = {
      id: checkpoint.digest,
      sequence: checkpoint.sequence,
      checkpoint: JSON.stringify(checkpointOnly(checkpoint)),
    };
    const heads = changedHeads.map((head): HeadDocument => ({
      id: `${checkpoint.sequence}:${head.streamId}`,
      sequence: checkpoint.sequence,
      ...headToJson(head),
    }));
    try {
      await this.readStore.commit({
        operations: [
          { type: 'put', collection: CHECKPOINTS_COLLECTION, document },
          ...heads.map((h) => ({ type: 'put' as const, collection: CHECKPOINT_HEADS_COLLECTION, document: h })),
        ],
      });
    } catch (error) {
      if (error instanceof BatchRejectedError) throw new CheckpointConflictError(checkpoint.sequence);
      throw error;
    }
  }

  /** The read store belongs to its opener (the API or projector closes it). */
  async close(): Promise<void> {}

  private declare(): Promise<void> {
    this.ready ??= (async () => {
      await this.readStore.ensureCollection({ name: CHECKPOINTS_COLLECTION, indexes: [{ fields: ['sequence'], unique: true }] });
      await this.readStore.ensureCollection({
        name: CHECKPOINT_HEADS_COLLECTION,
        indexes: [{ fields: ['streamId', 'sequence'] }, { fields: ['sequence'] }],
      });
    })();
    return this.ready;
  }
}

function parse(document: ReadDocument | undefined): SignedCheckpoint | null {
  return document ? (JSON.parse((document as CheckpointDocument).checkpoint) as SignedCheckpoint) : null;
}
