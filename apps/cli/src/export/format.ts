import type { SignedCheckpoint, StreamHeadJson } from '@channel-ledger/event-store';
import type { ActorKind, JsonObject } from '@channel-ledger/event-store';

/**
 * The JSONL export: one JSON object per line, in this order — a header, the checkpoint the export
 * is held to and every stream head it sealed, the events in log order, a footer. Everything
 * `verify --file` needs is inside; nothing else is (no store, no secret).
 */
export const EXPORT_FORMAT = 'channel-ledger-export/1';

export interface ExportScope {
  /** Only these streams (one stream, or one tenant's); null: every stream. */
  streams: string[] | null;
  /** The tenant whose streams these are, e.g. `reseller:acme`. */
  tenant: string | null;
  /** Recorded-time range [from, to): a slice of the log, so streams may start and end mid-chain. */
  recordedFrom: string | null;
  recordedTo: string | null;
}

export interface HeaderRecord {
  record: 'header';
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  scope: ExportScope;
  /** The checkpoint signing key (SPKI, base64) as the exporting ledger had it; compare its id with the ledger's. */
  publicKey: string | null;
  keyId: string | null;
}

export type CheckpointRecord = { record: 'checkpoint' } & SignedCheckpoint;
export type HeadRecord = { record: 'head' } & StreamHeadJson;

export interface EventRecord {
  record: 'event';
  position: string;
  streamId: string;
  revision: string;
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject & { actor: { kind: ActorKind; id: string }; recordedAt: string; hash: string };
}

export interface FooterRecord {
  record: 'footer';
  events: number;
  /** The slice of the log the events cover: positions (after, through]. */
  after: string | null;
  through: string | null;
}

export type ExportRecord = HeaderRecord | CheckpointRecord | HeadRecord | EventRecord | FooterRecord;
