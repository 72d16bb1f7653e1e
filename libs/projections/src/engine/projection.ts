import type { RecordedEvent } from '@channel-ledger/event-store';
import type { IndexDeclaration, ReadDocument, Where, WriteOperation } from '@channel-ledger/read-store';

/**
 * A collection a projection owns, by logical name (`reseller_view`). The runner stores it in
 * versioned physical collections (`reseller_view__v2`, `reseller_view__v2_r1` after a rebuild)
 * and points the logical name at the live one with an alias, so readers never see versions.
 */
export interface ProjectionCollection {
  /** `[a-z][a-z0-9_]*`; short enough that `${name}__v${version}_r${n}` stays within 64 characters. */
  name: string;
  indexes: IndexDeclaration[];
}

/**
 * What `apply` may read: the projection's own collections (logical names) as they will be once
 * the current batch is committed, i.e. the store overlaid with the batch's earlier operations.
 * That is what makes a batch of many events on one document correct.
 */
export interface ProjectionView {
  get(collection: string, id: string): Promise<ReadDocument | null>;
  /**
   * Every document matching `where` (equality or a range on indexed fields, served by a declared
   * index exactly as ReadStore.find requires), in id order (UTF-8 bytes). Meant for the small
   * sets a projection looks up (the licenses of one organization), not for scans.
   */
  find(collection: string, where?: Where): Promise<ReadDocument[]>;
  count(collection: string, where?: Where): Promise<number>;
}

/**
 * A projection is pure: the documents it writes depend only on the events and on what it reads
 * through the view, never on the clock, randomness or other projections. That is what lets the
 * runner replay it at any time (rebuild, crash recovery) and get the same documents.
 */
export interface Projection {
  /** Unique among the runner's projections; also the key of its checkpoints. */
  name: string;
  /** Bump whenever documents or indexes change shape: the new version is rebuilt blue/green. */
  version: number;
  collections: ProjectionCollection[];
  /** Event types it reacts to; others are skipped without calling apply (the checkpoint still moves). */
  handles?: readonly string[];
  /**
   * Operations name collections by their logical names; only the projection's own collections.
   * The event is shared with the runner's other projections: read it, never modify it.
   */
  apply(event: RecordedEvent, view: ProjectionView): Promise<WriteOperation[]> | WriteOperation[];
}

/** Identity helper that keeps literal types and documents intent at definition sites. */
export function defineProjection(projection: Projection): Projection {
  return projection;
}
