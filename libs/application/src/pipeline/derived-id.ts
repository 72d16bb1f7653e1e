import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id computed from its input. New ids derived from a command id (the reseller a
 * registration creates, the follow-up command of a two-step flow) come out the same when the
 * command is retried, so a retry finds the work already done instead of doing it twice.
 */
export function derivedId(input: string): string {
  const h = createHash('sha256').update(input, 'utf8').digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
