import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { byStreamId, headToJson, StreamHead } from './stream-head';

/*
 * A Merkle root over every stream's head, leaves sorted by stream id. Leaves and inner nodes are
 * hashed with different prefixes (0x00 / 0x01, as in RFC 6962) so a node can never pass for a
 * leaf, and an odd node is carried up unchanged rather than paired with itself (pairing it would
 * let two different head sets share a root).
 */

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(head: StreamHead): Buffer {
  return createHash('sha256')
    .update(LEAF)
    .update(canonicalJson(headToJson(head)), 'utf8')
    .digest();
}

export function merkleRoot(heads: Iterable<StreamHead>): string {
  let level = [...heads].sort(byStreamId).map(leafHash);
  if (level.length === 0) return createHash('sha256').update(LEAF).digest('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(
        i + 1 < level.length
          ? createHash('sha256')
              .update(NODE)
              .update(level[i])
              .update(level[i + 1])
              .digest()
          : level[i],
      );
    }
    level = next;
  }
  return level[0].toString('hex');
}
