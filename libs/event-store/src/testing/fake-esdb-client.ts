/**
 * An in-memory stand-in for EventStoreDBClient, only for tests on machines without a server: it
 * mimics the client calls the adapter uses the way the server answers them, so the adapter's own
 * logic runs the full contract:
 * - forward $all reads start AT the given position (inclusive), while subscriptions and backward
 *   $all reads start strictly after / before it (exclusive);
 * - StreamNotFoundError on reads of missing streams, WrongExpectedVersionError on a stale revision;
 * - the server's own idempotency: the same event ids appended again at the revision they were
 *   first appended at succeed without writing, reporting no position;
 * - event ids come back lower-cased;
 * - MaxAppendSizeExceededError over MaxAppendSize (1 MiB of data and metadata by default);
 * - dropped subscriptions fail with the client's typed errors (UnavailableError by default),
 *   system events in $all, read cancellation counted.
 * It proves nothing about the real server; the real contract run does.
 */
import { Readable } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
  MaxAppendSizeExceededError,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  StreamNotFoundError,
  SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

interface LogRecord {
  streamId: string;
  revision: bigint;
  commit: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export class FakeEsdbLog {
  readonly records: LogRecord[] = [];
  private nextPosition = 1_000n;
  private readonly listeners = new Set<(record: LogRecord) => void>();
  readonly liveSubscriptions = new Set<Readable>();
  /** The server's MaxAppendSize: bytes of data and metadata in one append. */
  maxAppendSize = 1024 * 1024;
  /** Reads the client cancelled (a read left before its end must be). */
  cancelledReads = 0;
  /** While set, every new subscription fails at once with this error (e.g. access denied). */
  subscriptionFailure: Error | null = null;

  /** Simulates the server dropping every subscription (restart, leader change, lost connection). */
  dropSubscriptions(error: Error = new UnavailableError(undefined, 'connection lost')): void {
    for (const subscription of this.liveSubscriptions) subscription.destroy(error);
    this.liveSubscriptions.clear();
  }

  write(streamId: string, id: string, type: string, data: unknown, metadata: unknown): LogRecord {
    const revision = BigInt(this.records.filter((r) => r.streamId === streamId).length);
    // Positions grow by uneven steps, like byte offsets in a transaction file.
    this.nextPosition += 97n + BigInt(JSON.stringify(data).length);
    // The server keeps event ids as UUIDs and hands them back lower-cased.
    const record = { streamId, revision, commit: this.nextPosition, id: id.toLowerCase(), type, data, metadata };
    this.records.push(record);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  listen(listener: (record: LogRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function resolved(record: LogRecord): AllStreamResolvedEvent {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: new Date(),
      data: JSON.parse(JSON.stringify(record.data)),
      metadata: JSON.parse(JSON.stringify(record.metadata)),
      position: { commit: record.commit, prepare: record.commit },
    },
    commitPosition: record.commit,
  } as AllStreamResolvedEvent;
}

function streamingRead(items: AllStreamResolvedEvent[] | Error) {
  const readable = new Readable({
    objectMode: true,
    read() {
      if (items instanceof Error) return void this.destroy(items);
      for (const item of items) this.push(item);
      this.push(null);
    },
  });
  return readable;
}

function cancellable(readable: Readable, log: FakeEsdbLog) {
  return Object.assign(readable, {
    cancel: async () => {
      log.cancelledReads++;
      readable.destroy();
    },
  });
}

export function fakeEsdbClient(log: FakeEsdbLog): EventStoreDBClient {
  const fake = {
    async appendToStream(streamName: string, events: EventData | EventData[], options: AppendToStreamOptions = {}) {
      const list = Array.isArray(events) ? events : [events];
      const stream = log.records.filter((r) => r.streamId === streamName);
      const current = stream.length === 0 ? NO_STREAM : stream[stream.length - 1].revision;
      const expected = options.expectedRevision ?? 'any';
      const size = list.reduce((total, e) => total + JSON.stringify(e.data).length + JSON.stringify(e.metadata ?? {}).length, 0);
      if (size > log.maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(log.maxAppendSize);
      // Server-side idempotency: these ids were appended before, in this order, at this expected revision.
      const start = stream.findIndex((r) => r.id === list[0].id.toLowerCase());
      const repeat =
        start >= 0 &&
        list.every((e, i) => stream[start + i]?.id === e.id.toLowerCase()) &&
        (expected === 'any' || (start === 0 ? expected === NO_STREAM : expected === stream[start - 1].revision));
      if (repeat) return { success: true, nextExpectedRevision: stream[start + list.length - 1].revision, position: undefined };
      if (expected !== 'any' && expected !== current) {
        throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
      }
      let last: LogRecord | undefined;
      for (const event of list) last = log.write(streamName, event.id, event.type, event.data, event.metadata);
      // Like some server versions, report the first event's position for multi-event appends.
      const reported = list.length === 1 ? last! : log.records[log.records.length - list.length];
      return { success: true, nextExpectedRevision: last!.revision, position: { commit: reported.commit, prepare: reported.commit } };
    },
    readStream(streamName: string, options: ReadStreamOptions = {}) {
      const stream = log.records.filter((r) => r.streamId === streamName);
      if (stream.length === 0) return cancellable(streamingRead(new StreamNotFoundError(undefined, streamName)), log);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      let selected = backwards
        ? stream.filter((r) => from === 'end' || (from !== 'start' && r.revision <= from)).reverse()
        : stream.filter((r) => from === 'start' || (from !== 'end' && r.revision >= from));
      selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
      return cancellable(streamingRead(selected.map(resolved)), log);
    },
    readAll(options: ReadAllOptions = {}) {
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? 'end' : 'start');
      // Forwards from a position includes it; backwards from a position starts before it.
      let selected = backwards
        ? log.records.filter((r) => from === 'end' || (from !== 'start' && r.commit < from.commit)).reverse()
        : log.records.filter((r) => from === 'start' || (from !== 'end' && r.commit >= from.commit));
      selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
      return cancellable(streamingRead(selected.map(resolved)), log);
    },
    subscribeToAll(options: SubscribeToAllOptions = {}) {
      const from = options.fromPosition ?? 'start';
      // A subscription starts strictly after its position.
      const admits = (r: LogRecord) => !r.type.startsWith('$') && (from === 'start' || (from !== 'end' && r.commit > from.commit));
      const readable = new Readable({ objectMode: true, read() {} });
      if (log.subscriptionFailure) {
        const failure = log.subscriptionFailure;
        setImmediate(() => readable.destroy(failure));
        return Object.assign(readable, { unsubscribe: async () => void readable.destroy() });
      }
      log.liveSubscriptions.add(readable);
      setImmediate(() => readable.emit('confirmation'));
      for (const record of log.records.filter(admits)) readable.push(resolved(record));
      const stop = log.listen((record) => {
        if (admits(record)) readable.push(resolved(record));
      });
      return Object.assign(readable, {
        unsubscribe: async () => {
          stop();
          log.liveSubscriptions.delete(readable);
          readable.push(null);
        },
      });
    },
    async dispose() {},
  };
  return fake as unknown as EventStoreDBClient;
}
