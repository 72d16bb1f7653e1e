/**
 * An in-memory stand-in for EventStoreDBClient, only for tests on machines without a server: it
 * mimics the client calls the adapter uses (inclusive $all starts, StreamNotFoundError on reads of
 * missing streams, WrongExpectedVersionError, system events in $all) so the adapter's own logic
 * runs the full contract. It proves nothing about the real server; the real contract run does.
 */
import { Readable } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  StreamNotFoundError,
  SubscribeToAllOptions,
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

  /** Simulates the server dropping every subscription (restart, leader change). */
  dropSubscriptions(): void {
    for (const subscription of this.liveSubscriptions) subscription.destroy(new Error('connection lost'));
    this.liveSubscriptions.clear();
  }

  write(streamId: string, id: string, type: string, data: unknown, metadata: unknown): LogRecord {
    const revision = BigInt(this.records.filter((r) => r.streamId === streamId).length);
    // Positions grow by uneven steps, like byte offsets in a transaction file.
    this.nextPosition += 97n + BigInt(JSON.stringify(data).length);
    const record = { streamId, revision, commit: this.nextPosition, id, type, data, metadata };
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
  return Object.assign(readable, { cancel: async () => void readable.destroy() });
}

export function fakeEsdbClient(log: FakeEsdbLog): EventStoreDBClient {
  const fake = {
    async appendToStream(streamName: string, events: EventData | EventData[], options: AppendToStreamOptions = {}) {
      const list = Array.isArray(events) ? events : [events];
      const stream = log.records.filter((r) => r.streamId === streamName);
      const current = stream.length === 0 ? NO_STREAM : stream[stream.length - 1].revision;
      const expected = options.expectedRevision ?? 'any';
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
      if (stream.length === 0) return streamingRead(new StreamNotFoundError(undefined, streamName));
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      let selected = backwards
        ? stream.filter((r) => from === 'end' || (from !== 'start' && r.revision <= from)).reverse()
        : stream.filter((r) => from === 'start' || (from !== 'end' && r.revision >= from));
      selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
      return streamingRead(selected.map(resolved));
    },
    readAll(options: ReadAllOptions = {}) {
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? 'end' : 'start');
      let selected = backwards
        ? log.records.filter((r) => from === 'end' || (from !== 'start' && r.commit <= from.commit)).reverse()
        : log.records.filter((r) => from === 'start' || (from !== 'end' && r.commit >= from.commit));
      selected = selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
      return streamingRead(selected.map(resolved));
    },
    subscribeToAll(options: SubscribeToAllOptions = {}) {
      const from = options.fromPosition ?? 'start';
      const admits = (r: LogRecord) => !r.type.startsWith('$') && (from === 'start' || (from !== 'end' && r.commit >= from.commit));
      const readable = new Readable({ objectMode: true, read() {} });
      log.liveSubscriptions.add(readable);
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
