import { createHash } from 'node:crypto';

/**
 * Fixed namespace of channel-ledger event ids. Never change it: every stored event id derives
 * from it, and a retried command must produce the same ids to be recognized as a repeat.
 */
export const EVENT_ID_NAMESPACE = '6f1c2b9e-3d4a-5e8f-9a7b-0c1d2e3f4a5b';

/**
 * The id of the `index`-th event a command produces: a name-based UUID (version 5, SHA-1 over
 * the namespace and `${commandId}:${index}`), so retrying a command yields the same ids and the
 * store can recognize the retry instead of appending twice.
 */
export function eventIdFor(commandId: string, index: number): string {
  if (typeof commandId !== 'string' || commandId.length === 0) throw new TypeError('eventIdFor: commandId must be a non-empty string');
  if (!Number.isSafeInteger(index) || index < 0) throw new TypeError(`eventIdFor: index must be a non-negative integer, got ${index}`);
  const namespace = Buffer.from(EVENT_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1').update(namespace).update(`${commandId}:${index}`, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
