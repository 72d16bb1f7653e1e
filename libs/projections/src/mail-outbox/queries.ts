import type { ReadStore } from '@channel-ledger/read-store';
import { MAIL_OUTBOX, MailOutboxEntry } from './collections';

/** Up to `limit` pending entries, oldest event first (positions compared as numbers, not strings). */
export async function pendingMail(store: ReadStore, limit = 100): Promise<MailOutboxEntry[]> {
  const page = await store.find(MAIL_OUTBOX, { where: { status: 'pending' }, limit });
  const entries = page.documents as MailOutboxEntry[];
  return entries.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0));
}

/** For operators: how much mail waits and how much went out. */
export async function mailOutboxCounts(store: ReadStore): Promise<{ pending: number; sent: number }> {
  const [pending, sent] = await Promise.all([
    store.count(MAIL_OUTBOX, { status: 'pending' }),
    store.count(MAIL_OUTBOX, { status: 'sent' }),
  ]);
  return { pending, sent };
}
