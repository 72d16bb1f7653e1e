import {
  CheckpointSealer,
  EventStore,
  exportPublicKey,
  headToJson,
  keyIdOf,
  RecordedEvent,
  storedFormOf,
  UnsealableLogError,
} from '@channel-ledger/event-store';
import type { KeyObject } from 'node:crypto';
import type { Ledger } from '../ledger';
import { Progress } from '../output/progress';
import { csvRow, CSV_COLUMNS } from './csv';
import { EventRecord, EXPORT_FORMAT, ExportScope, FooterRecord, HeaderRecord } from './format';
import { LineSink } from './line-sink';
import { Tenant, tiesToTenant } from './tenant';

export interface ExportOptions {
  format: 'jsonl' | 'csv';
  streams: string[];
  tenant: Tenant | null;
  recordedFrom: string | null;
  recordedTo: string | null;
  /** Seal a checkpoint of the head first, so the whole export is covered by one (default true). */
  seal: boolean;
}

export interface ExportSummary {
  events: number;
  after: string | null;
  through: string | null;
  checkpoint: number | null;
  warnings: string[];
}

const PAGE = 1000;

/**
 * Streams the log into `sink` page by page: memory holds one page, plus the checkpoint's heads
 * and, for a tenant, the names of its streams (found in a first pass over the log).
 */
export async function exportLedger(ledger: Ledger, sink: LineSink, options: ExportOptions, progress: Progress): Promise<ExportSummary> {
  const store = await ledger.eventStore();
  const warnings: string[] = [];
  let key: KeyObject | null = null;
  if (options.seal) {
    const signer = ledger.signer();
    key = signer.publicKey;
    try {
      await new CheckpointSealer(store, await ledger.checkpoints(), signer).seal();
    } catch (error) {
      if (!(error instanceof UnsealableLogError)) throw error;
      warnings.push(`no new checkpoint: ${error.message}; exported as stored, verify will name the damage`);
    }
  } else {
    key = ledger.trustedKey();
  }
  const checkpoints = await ledger.checkpoints();
  const checkpoint = await checkpoints.latest();

  const streams = options.tenant
    ? await tenantStreams(store, options.tenant)
    : options.streams.length > 0
      ? new Set(options.streams)
      : null;
  const scope: ExportScope = {
    streams: streams ? [...streams].sort() : null,
    tenant: options.tenant ? `${options.tenant.kind}:${options.tenant.id}` : null,
    recordedFrom: options.recordedFrom,
    recordedTo: options.recordedTo,
  };
  if (options.format === 'csv') {
    await sink.write(CSV_COLUMNS.join(','));
  } else {
    const header: HeaderRecord = {
      record: 'header',
      format: EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      scope,
      publicKey: key ? exportPublicKey(key) : null,
      keyId: key ? keyIdOf(key) : null,
    };
    await sink.write(JSON.stringify(header));
    if (checkpoint) {
      await sink.write(JSON.stringify({ record: 'checkpoint', ...checkpoint }));
      // Every head, not only the scope's: the verifier checks them against the signed Merkle root.
      for (const head of await checkpoints.heads(checkpoint.sequence))
        await sink.write(JSON.stringify({ record: 'head', ...headToJson(head) }));
    }
  }

  let events = 0;
  let seen = 0;
  let after: bigint | null = null;
  let through: bigint | null = null;
  let cursor: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: PAGE });
    for (const event of page.events) {
      const recordedAt = event.metadata.recordedAt;
      if (options.recordedFrom && recordedAt < options.recordedFrom) {
        after = event.position;
        continue;
      }
      if (options.recordedTo && recordedAt >= options.recordedTo) continue;
      through = event.position;
      if (streams && !streams.has(event.streamId)) continue;
      await sink.write(options.format === 'csv' ? csvRow(event) : JSON.stringify(eventRecord(event)));
      events++;
    }
    seen += page.events.length;
    cursor = page.lastPosition ?? cursor;
    progress.update(seen, cursor);
    if (page.isEnd || page.lastPosition === null) break;
  }
  const ranged = options.recordedFrom !== null || options.recordedTo !== null;
  if (options.format === 'jsonl') {
    const footer: FooterRecord = {
      record: 'footer',
      events,
      after: ranged && after !== null ? after.toString() : null,
      through: ranged && through !== null ? through.toString() : null,
    };
    await sink.write(JSON.stringify(footer));
  }
  return {
    events,
    after: after?.toString() ?? null,
    through: through?.toString() ?? null,
    checkpoint: checkpoint?.sequence ?? null,
    warnings,
  };
}

/**
 * JSONL carries each event as stored (its original shape, personal fields as ciphertext), so the
 * export verifies offline and a forgotten person stays unreadable in it; CSV is for reading and
 * carries the current shape, decrypted ("[erased]" for a forgotten person).
 */
function eventRecord(read: RecordedEvent): EventRecord {
  const event = storedFormOf(read);
  return {
    record: 'event',
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventRecord['metadata'],
  };
}

async function tenantStreams(store: EventStore, tenant: Tenant): Promise<Set<string>> {
  const streams = new Set<string>();
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    for (const event of page.events) if (tiesToTenant(event, tenant)) streams.add(event.streamId);
    if (page.isEnd || page.lastPosition === null) return streams;
    after = page.lastPosition;
  }
}
