import type { EventStore, RecordedEvent } from '@channel-ledger/event-store';
import { MAIL_OUTBOX, MailOutboxEntry, pendingMail } from '@channel-ledger/projections';
import { ReadStore, UnknownCollectionError } from '@channel-ledger/read-store';
import { mailsForEvent, MailContext } from './compose/mails-for-event';
import { MailTransport, OutgoingMail } from './mail-message';

/**
 * What was delivered, per event id, kept by the sender itself and not by the projection: a rebuild
 * of `mail-outbox` puts every entry back to pending, and this is what stops it mailing everyone again.
 */
export const MAIL_DELIVERIES = 'mail_deliveries';

export interface MailSenderOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  transport: MailTransport;
  context: MailContext;
  /** The From header. */
  from: string;
  logger?: { log(message: string): void; error(message: string): void };
  /** How often the outbox is read for pending mail (default 200 ms). */
  pollIntervalMs?: number;
  now?: () => Date;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/** Pending entries read per pass. */
const PAGE = 100;
/** Mails of a pass being sent at once. */
const CONCURRENT_MAILS = 4;

/**
 * Sends the mail the `mail-outbox` projection asks for: reads each pending entry's event back from
 * its stream, composes its mails, hands them to the transport, then marks the entry sent.
 * At-least-once: a crash after sending and before marking sends again on restart, and the
 * transport makes that harmless (same .eml file, same Message-ID).
 */
export class MailSender {
  private readonly pollIntervalMs: number;
  private readonly now: () => Date;
  private readonly retries = new Map<string, { attempts: number; notBefore: number }>();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  /** The last pass read a full page and sent from it: more may wait, so the next pass starts at once. */
  private fullPage = false;

  constructor(private readonly options: MailSenderOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.now = options.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error('MailSender.start() was already called');
    await this.options.readStore.ensureCollection({ name: MAIL_DELIVERIES, indexes: [] });
    this.loop = this.run();
  }

  /** Finishes the mail it is on, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  /** Look for pending mail now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /** One pass over the outbox; returns how many entries it completed. */
  async sendPending(): Promise<number> {
    let entries: MailOutboxEntry[];
    this.fullPage = false;
    try {
      entries = await pendingMail(this.options.readStore, PAGE);
    } catch (error) {
      // The projection creates its collection when it first runs (maybe in apps/projector).
      if (error instanceof UnknownCollectionError) return 0;
      throw error;
    }
    let completed = 0;
    let next = 0;
    // A few mails at once: each waits on its own file sync (or SMTP exchange), not on the others'.
    const worker = async (): Promise<void> => {
      while (!this.stopped && next < entries.length) {
        const entry = entries[next++];
        const retry = this.retries.get(entry.eventId);
        if (retry && retry.notBefore > Date.now()) continue;
        try {
          await this.complete(entry);
          this.retries.delete(entry.eventId);
          completed++;
        } catch (error) {
          // One mail that fails (a server down, a bad address) must not hold back the others.
          const attempts = (retry?.attempts ?? 0) + 1;
          this.retries.set(entry.eventId, { attempts, notBefore: Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts) });
          this.options.logger?.error(`mail for ${entry.type} ${entry.eventId} failed (attempt ${attempts}): ${messageOf(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_MAILS, entries.length) }, worker));
    this.fullPage = entries.length === PAGE && completed > 0;
    return completed;
  }

  private async complete(entry: MailOutboxEntry): Promise<void> {
    const { readStore } = this.options;
    const delivered = await readStore.get(MAIL_DELIVERIES, entry.eventId);
    if (delivered) {
      // Sent before the outbox was rebuilt: only the entry needs to learn it.
      await this.markSent(entry, String(delivered.sentAt), Number(delivered.mails));
      return;
    }
    const mails = await this.compose(entry);
    for (const mail of mails) {
      await this.options.transport.send(mail);
      // Recipient and subject only: the body may hold a token.
      this.options.logger?.log(`mail to ${mail.to}: ${mail.subject}`);
    }
    await this.markSent(entry, this.now().toISOString(), mails.length);
  }

  private async compose(entry: MailOutboxEntry): Promise<OutgoingMail[]> {
    const stream = await this.options.eventStore.readStream(entry.streamId);
    const index = stream.findIndex((e) => e.eventId === entry.eventId);
    if (index < 0) throw new Error(`event ${entry.eventId} is not in stream ${entry.streamId}`);
    const event: RecordedEvent = stream[index];
    const messages = mailsForEvent(event, stream.slice(0, index), this.options.context);
    return messages.map((message, n) => {
      const key = messages.length === 1 ? event.eventId : `${event.eventId}-${n + 1}`;
      return {
        ...message,
        key,
        messageId: `<${key}@${domainOf(this.options.from)}>`,
        from: this.options.from,
        date: new Date(event.metadata.recordedAt),
      };
    });
  }

  /** The entry and the delivery record in one commit: both or neither. */
  private async markSent(entry: MailOutboxEntry, sentAt: string, mails: number): Promise<void> {
    await this.options.readStore.commit({
      operations: [
        {
          type: 'put',
          collection: MAIL_DELIVERIES,
          document: { id: entry.eventId, eventId: entry.eventId, type: entry.type, sentAt, mails },
        },
        { type: 'patch', collection: MAIL_OUTBOX, id: entry.id, fields: { status: 'sent', sentAt, mails } },
      ],
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.sendPending();
      } catch (error) {
        this.options.logger?.error(`reading the mail outbox failed: ${messageOf(error)}`);
      }
      // A backlog (a burst of registrations) is worked through without a poll interval per page;
      // one macrotask between pages lets requests in.
      if (this.stopped) break;
      if (this.fullPage) await new Promise((resolve) => setImmediate(resolve));
      else await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      // Never what keeps a process alive: the HTTP server (or a test) decides that.
      timer.unref();
      this.wakeUp = done;
    });
  }
}

function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'channel-ledger.local';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
