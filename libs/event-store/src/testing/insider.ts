import Database from 'better-sqlite3';
import { canonicalJson, ChainLink, sealEvents } from '../chain';
import type { EventMetadataInput, JsonObject } from '../port';

/**
 * What someone with write access to the SQLite file (but not the signing key) can do behind the
 * application's back. Tests use it to show each act is named by `verify` and refused by the API.
 */
export const insider = {
  /** Changes one event's data and re-hashes the whole stream so its chain is consistent again. */
  rehashStream(path: string, streamId: string, change: (data: JsonObject, revision: bigint) => JsonObject): void {
    const db = new Database(path);
    db.defaultSafeIntegers(true);
    try {
      const rows = db
        .prepare<[string], { position: bigint; revision: bigint; event_id: string; type: string; data: string; metadata: string }>(
          'SELECT position, revision, event_id, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision',
        )
        .all(streamId);
      const update = db.prepare<[string, string, string, bigint]>('UPDATE events SET data = ?, metadata = ?, hash = ? WHERE position = ?');
      let link: ChainLink | null = null;
      db.transaction(() => {
        for (const row of rows) {
          const metadata = JSON.parse(row.metadata) as EventMetadataInput & { recordedAt: string };
          const data = change(JSON.parse(row.data) as JsonObject, row.revision);
          const [sealed] = sealEvents(streamId, link, [{ eventId: row.event_id, type: row.type, data, metadata }], metadata.recordedAt);
          const { hash, ...rest } = sealed.metadata;
          update.run(canonicalJson(sealed.data), canonicalJson(rest), hash, row.position);
          link = { revision: sealed.revision, hash };
        }
      })();
    } finally {
      db.close();
    }
  },

  deleteStream(path: string, streamId: string): number {
    return run(path, 'DELETE FROM events WHERE stream_id = ?', streamId);
  },

  deleteEvent(path: string, streamId: string, revision: number): number {
    return run(path, 'DELETE FROM events WHERE stream_id = ? AND revision = ?', streamId, revision);
  },

  deleteLastEventOf(path: string, streamId: string): number {
    return run(path, 'DELETE FROM events WHERE position = (SELECT MAX(position) FROM events WHERE stream_id = ?)', streamId);
  },

  /** Deletes the last `count` events of the whole log. */
  cutTail(path: string, count: number): number {
    return run(path, 'DELETE FROM events WHERE position IN (SELECT position FROM events ORDER BY position DESC LIMIT ?)', count);
  },

  /** Changes stored data without touching any hash (the naive edit). */
  editData(path: string, streamId: string, revision: number, change: (data: JsonObject) => JsonObject): void {
    const db = new Database(path);
    try {
      const row = db
        .prepare<[string, number], { data: string }>('SELECT data FROM events WHERE stream_id = ? AND revision = ?')
        .get(streamId, revision);
      if (!row) throw new Error(`${streamId}@${revision} not found`);
      db.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?').run(
        canonicalJson(change(JSON.parse(row.data) as JsonObject)),
        streamId,
        revision,
      );
    } finally {
      db.close();
    }
  },
};

function run(path: string, sql: string, ...params: (string | number)[]): number {
  const db = new Database(path);
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}
