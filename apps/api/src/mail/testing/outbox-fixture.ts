import 'reflect-metadata';
import { join } from 'node:path';
import { CommandPipeline, Secrets, LedgerContext } from '@channel-ledger/application';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { mailOutboxProjection, ProjectionRunner } from '@channel-ledger/projections';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { RegisterResellerCommand } from '../../resellers/register-reseller/register-reseller.command';
import { RegisterResellerDto } from '../../resellers/register-reseller/register-reseller.dto';
import { RegisterResellerHandler } from '../../resellers/register-reseller/register-reseller.handler';
import { MailTransport, OutgoingMail } from '../mail-message';
import { MailSender } from '../mail-sender';
import { MailboxTransport } from '../transport/mailbox.transport';

/**
 * The embedded ledger of the outbox tests, without HTTP: one SQLite file for events and read
 * models, the real registration handler (so the token hash is derived as in production), the
 * mail-outbox projection in a runner, and the sender writing .eml files.
 */
export const SECRET = 'outbox-test-secret-outbox-test-secret';
export const FROM = 'channel-ledger <no-reply@channel-ledger.local>';

export interface Ledger {
  eventStore: EventStore;
  readStore: ReadStore;
  secrets: Secrets;
  /** Idempotent. */
  close(): Promise<void>;
}

export async function openLedger(dir: string): Promise<Ledger> {
  const eventStore = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite'), pollIntervalMs: 20 });
  const readStore = await openSqliteReadStore({ path: join(dir, 'ledger.sqlite') });
  let closed = false;
  return {
    eventStore,
    readStore,
    secrets: new Secrets(SECRET),
    async close() {
      if (closed) return;
      closed = true;
      await readStore.close();
      await eventStore.close();
    },
  };
}

/** POST /resellers, as its handler does it: the command id stands for the Idempotency-Key. */
export async function registerReseller(ledger: Ledger, commandId: string, email: string): Promise<string> {
  const handler = new RegisterResellerHandler(new LedgerContext(ledger.eventStore, new CommandPipeline(ledger.eventStore)), ledger.secrets);
  const input = Object.assign(new RegisterResellerDto(), { companyName: 'Crash Test Resale', email, partnerKind: 'reseller' });
  const envelope = {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { kind: 'anonymous' as const, id: 'anonymous' },
    onBehalfOf: null,
    occurredAt: new Date().toISOString(),
  };
  const { resellerId } = await handler.execute(new RegisterResellerCommand(input, envelope));
  return resellerId;
}

export interface MailReactor {
  runner: ProjectionRunner;
  sender: MailSender;
  stop(): Promise<void>;
}

/** The outbox projection and the sender, as the API runs them; the sender is driven by `sendPending` unless `poll`. */
export async function startMailReactor(ledger: Ledger, transport: MailTransport, options: { poll?: boolean } = {}): Promise<MailReactor> {
  const runner = new ProjectionRunner({ eventStore: ledger.eventStore, readStore: ledger.readStore, projections: [mailOutboxProjection] });
  await runner.start();
  const sender = new MailSender({
    eventStore: ledger.eventStore,
    readStore: ledger.readStore,
    transport,
    from: FROM,
    context: { publicUrl: 'http://127.0.0.1:3000', derive: (purpose) => ledger.secrets.derive(purpose) },
    pollIntervalMs: 20,
  });
  if (options.poll) await sender.start();
  else await ledger.readStore.ensureCollection({ name: 'mail_deliveries', indexes: [] });
  return {
    runner,
    sender,
    async stop() {
      await sender.stop();
      await runner.stop();
    },
  };
}

/** A mailbox that counts what it is handed, and can fail before or after writing the file. */
export class CountingMailbox implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  private readonly mailbox: MailboxTransport;

  constructor(
    dir: string,
    private readonly crash: { before?: () => never | Promise<never>; after?: () => never | Promise<never> } = {},
  ) {
    this.mailbox = new MailboxTransport(dir);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.crash.before) await this.crash.before();
    await this.mailbox.send(mail);
    this.sent.push(mail);
    if (this.crash.after) await this.crash.after();
  }

  async close(): Promise<void> {}
}
