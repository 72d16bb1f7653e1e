import { LedgerSubject, subjectStream } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { Principal, readsEverything } from '../access/principal';
import { notVisible } from '../http/not-visible';

/** Read straight from the log (not a read model): the auditor's answer does not depend on a projection. */
export async function assertReadableSubject(store: EventStore, subject: LedgerSubject, viewer: Principal): Promise<void> {
  if (!readsEverything(viewer)) throw notVisible(subject.kind, subject.id);
  const first = await store.readStream(subjectStream(subject), { toRevision: 0n });
  if (first.length === 0) throw notVisible(subject.kind, subject.id);
}
