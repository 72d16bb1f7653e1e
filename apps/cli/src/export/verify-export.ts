import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { recomputeAmounts, upcastRecorded } from '@channel-ledger/application';
import {
  checkpointOnly,
  checkpointProblems,
  Finding,
  headFromJson,
  importPublicKey,
  keyIdOf,
  LogVerification,
  LogVerifier,
  merkleRoot,
  RecordedEvent,
  SignedCheckpoint,
  StreamHead,
} from '@channel-ledger/event-store';
import { UsageError } from '../io';
import { EventRecord, EXPORT_FORMAT, ExportRecord, FooterRecord, HeaderRecord } from './format';

export interface ExportVerification extends LogVerification {
  file: string;
  scope: HeaderRecord['scope'] | null;
  /** Whose key the checkpoint's signature was checked against, in words. */
  keyNote: string;
}

export interface VerifyExportOptions {
  /** The ledger's key as the auditor holds it; without it the key inside the file is used (and said so). */
  publicKey?: KeyObject | null;
  recompute?: boolean;
  onProgress?: (eventsDone: number) => void;
}

const finding = (kind: Finding['kind'], reason: string, at: Partial<Finding> = {}): Finding => ({
  kind,
  streamId: null,
  revision: null,
  eventId: null,
  position: null,
  reason,
  ...at,
});

/**
 * Verifies a JSONL export offline, line by line (memory follows the number of streams, never the
 * file's length): the checkpoint's signature and Merkle root over its heads, every stream's chain,
 * the log order, every recomputable amount, and that the events reach every head the checkpoint
 * sealed within the export's scope.
 */
export async function verifyExport(file: string, options: VerifyExportOptions = {}): Promise<ExportVerification> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: HeaderRecord | null = null;
  let checkpoint: SignedCheckpoint | null = null;
  const heads = new Map<string, StreamHead>();
  let verifier: LogVerifier | null = null;
  let footer: FooterRecord | null = null;
  let keyNote = 'no checkpoint in the export: chains and amounts only';
  const early: Finding[] = [];
  let lineNumber = 0;
  let events = 0;

  const start = (): LogVerifier => {
    const scope = header?.scope;
    const streams = scope?.streams ? new Set(scope.streams) : null;
    const v = new LogVerifier({
      expected: checkpoint ? { checkpoint, heads } : null,
      includesStream: streams ? (id: string) => streams.has(id) : undefined,
      startsMidStream: Boolean(scope?.recordedFrom),
      checks: options.recompute === false ? [] : [recomputeAmounts],
    });
    if (checkpoint) {
      const key = options.publicKey ?? (header?.publicKey ? importPublicKey(header.publicKey) : null);
      keyNote = options.publicKey
        ? `signature checked against the trusted key ${keyIdOf(options.publicKey)}`
        : key
          ? `signature checked against the key inside the export (${keyIdOf(key)}); compare that id with the ledger's (channel-ledger checkpoint key)`
          : 'no key to check the signature with';
      const problems = key ? checkpointProblems(checkpoint, key) : [];
      if (merkleRoot(heads.values()) !== checkpoint.streamsRoot)
        problems.push(`the stream heads in the export do not match checkpoint #${checkpoint.sequence}'s signed root`);
      for (const reason of problems) v.report(finding('checkpoint', reason));
    }
    for (const f of early) v.report(f);
    return v;
  };

  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (lineNumber === 1) requireHeader(file, line);
    let record: ExportRecord;
    try {
      record = JSON.parse(line) as ExportRecord;
    } catch {
      const f = finding('altered', `line ${lineNumber} is not valid JSON: it was edited`, namedIn(line));
      if (verifier) verifier.report(f);
      else early.push(f);
      continue;
    }
    switch (record.record) {
      case 'header':
        header = record;
        break;
      case 'checkpoint':
        checkpoint = checkpointOnly(record);
        break;
      case 'head': {
        const head = headFromJson(record);
        heads.set(head.streamId, head);
        break;
      }
      case 'event':
        verifier ??= start();
        verifier.accept(recordedEvent(record));
        if (++events % 10_000 === 0) options.onProgress?.(events);
        break;
      case 'footer':
        footer = record;
        break;
    }
  }
  verifier ??= start();
  options.onProgress?.(events);
  if (!footer) {
    verifier.report(finding('tail-cut', `the export ends at line ${lineNumber} without its footer: its end was cut`));
  } else if (footer.events !== events) {
    verifier.report(finding('event-count', `the footer counts ${footer.events} events, the export holds ${events}`));
  }
  const ranged = Boolean(header?.scope.recordedFrom || header?.scope.recordedTo);
  const range =
    ranged && footer
      ? { after: footer.after === null ? null : BigInt(footer.after), through: footer.through === null ? null : BigInt(footer.through) }
      : undefined;
  return { ...verifier.finish(range), file, scope: header?.scope ?? null, keyNote };
}

/** A CSV export or any other file is refused up front, not reported as a thousand broken lines. */
function requireHeader(file: string, line: string): void {
  if (line.startsWith('position,stream_id,'))
    throw new UsageError(`${file} is a CSV export, which is for spreadsheets: verify the JSONL export`);
  let header: Partial<HeaderRecord> | null = null;
  try {
    header = JSON.parse(line) as Partial<HeaderRecord>;
  } catch {
    // A header edited into invalid JSON is still recognisable by its format string.
    if (line.includes(EXPORT_FORMAT)) return;
  }
  if (header?.record !== 'header' || header.format !== EXPORT_FORMAT) throw new UsageError(`${file} is not a channel-ledger JSONL export`);
}

/** As exported (stored form), read through the upcasters: chains check the stored form, amounts the current shape. */
function recordedEvent(record: EventRecord): RecordedEvent {
  return upcastRecorded({
    streamId: record.streamId,
    revision: BigInt(record.revision),
    position: BigInt(record.position),
    eventId: record.eventId,
    type: record.type,
    data: record.data,
    metadata: record.metadata as unknown as RecordedEvent['metadata'],
  });
}

/** What a line too damaged to parse still says about itself. */
function namedIn(line: string): Partial<Finding> {
  const field = (name: string) => new RegExp(`"${name}":"([^"]*)"`).exec(line)?.[1] ?? null;
  return { streamId: field('streamId'), revision: field('revision'), eventId: field('eventId'), position: field('position') };
}
