import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tokenHash } from '@channel-ledger/application';
import { resellerStream } from '@channel-ledger/domain';
import { derivedId } from '@channel-ledger/application';
import { MAIL_OUTBOX } from '@channel-ledger/projections';
import { readMailbox } from '../../test/mailbox';
import { CountingMailbox, Ledger, openLedger, registerReseller, startMailReactor } from './testing/outbox-fixture';

const ROOT = resolve(__dirname, '../../../..');

/** Runs testing/mail-crash-child.ts, which registers a reseller and SIGKILLs itself at `crashAt`. */
function crashingChild(dir: string, mailbox: string, crashAt: 'after-append' | 'after-writing-mail', commandId: string, email: string) {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'testing', 'mail-crash-child.ts')],
    {
      cwd: ROOT,
      env: embeddedChildEnv({
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        MAIL_CRASH_DIR: dir,
        MAIL_CRASH_MAILBOX: mailbox,
        MAIL_CRASH_AT: crashAt,
        MAIL_CRASH_COMMAND_ID: commandId,
        MAIL_CRASH_EMAIL: email,
      }),
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      done({ signal, stderr });
    }),
  );
}

/**
 * Mail follows the log: a process killed between the append and the send, or between writing the
 * mail and marking it sent, loses no mail, and the restarted one sends no second copy.
 */
describe('mail outbox across crashes (SQLite file, no HTTP)', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let mailbox: string;
  let ledger: Ledger;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mail-outbox-crash-'));
    mailbox = join(dir, 'mailbox');
  });
  afterEach(async () => {
    await ledger?.close(); // a no-op for one a test closed already
    rmSync(dir, { recursive: true, force: true });
  });

  /** The ResellerRegistered event of the registration made with `commandId`. */
  async function registrationOf(commandId: string) {
    const [event] = await ledger.eventStore.readStream(resellerStream(derivedId(`reseller|${commandId}`)));
    expect(event?.type).toBe('ResellerRegistered');
    return event;
  }
  const mailFilesOf = (eventId: string) => readdirSync(mailbox).filter((name) => name.startsWith(eventId));

  /** A fresh process's mail reactor on the same file: catch up, send what is pending, once. */
  async function restart(): Promise<CountingMailbox> {
    ledger = await openLedger(dir);
    const transport = new CountingMailbox(mailbox);
    const reactor = await startMailReactor(ledger, transport);
    await reactor.runner.waitUntilCaughtUp();
    await reactor.sender.sendPending();
    expect(await reactor.sender.sendPending()).toBe(0); // nothing left, nothing sent twice
    await reactor.stop();
    return transport;
  }

  async function expectOneVerificationMail(commandId: string, email: string): Promise<void> {
    const event = await registrationOf(commandId);
    expect(mailFilesOf(event.eventId)).toEqual([`${event.eventId}.eml`]);
    const mails = (await readMailbox(mailbox)).filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    // The mailed token is the one whose hash the registration recorded: the reseller can verify.
    const token = /"token":"([^"]+)"/.exec(mails[0].text)![1];
    expect(tokenHash(token)).toBe(event.data.verificationTokenHash);
    expect(await ledger.readStore.get(MAIL_OUTBOX, event.eventId)).toMatchObject({ status: 'sent', mails: 1 });
  }

  it('SIGKILL right after the append: the restarted process sends the mail, once', async () => {
    const exit = await crashingChild(dir, mailbox, 'after-append', 'register-1', 'ops@after-append.test');
    expect(exit).toEqual({ signal: 'SIGKILL', stderr: '' });

    const transport = await restart();
    expect(transport.sent.map((m) => m.to)).toEqual(['ops@after-append.test']);
    await expectOneVerificationMail('register-1', 'ops@after-append.test');
  });

  it('SIGKILL after writing the mail, before marking it sent: sent again onto the same file, still one mail', async () => {
    const exit = await crashingChild(dir, mailbox, 'after-writing-mail', 'register-2', 'ops@after-writing.test');
    expect(exit).toEqual({ signal: 'SIGKILL', stderr: '' });
    ledger = await openLedger(dir);
    const event = await registrationOf('register-2');
    expect(mailFilesOf(event.eventId)).toHaveLength(1); // the child did write it…
    expect(await ledger.readStore.get(MAIL_OUTBOX, event.eventId)).toMatchObject({ status: 'pending' }); // …and died before recording it
    await ledger.close();

    const transport = await restart();
    expect(transport.sent).toHaveLength(1); // at-least-once: handed over again…
    await expectOneVerificationMail('register-2', 'ops@after-writing.test'); // …and the mailbox still holds one mail
  });

  it('a sender that fails before writing leaves the mail pending, and a later pass sends it', async () => {
    ledger = await openLedger(dir);
    const failing = new CountingMailbox(mailbox, { before: () => Promise.reject(new Error('SMTP server down')) });
    const first = await startMailReactor(ledger, failing);
    await registerReseller(ledger, 'register-3', 'ops@retry.test');
    await first.runner.waitUntilCaughtUp();
    expect(await first.sender.sendPending()).toBe(0);
    await first.stop();
    await ledger.close();

    await restart();
    await expectOneVerificationMail('register-3', 'ops@retry.test');
  });

  it('rebuilding the outbox (every entry pending again) sends nothing twice', async () => {
    ledger = await openLedger(dir);
    const transport = new CountingMailbox(mailbox);
    const reactor = await startMailReactor(ledger, transport);
    await registerReseller(ledger, 'register-4', 'ops@rebuild.test');
    await reactor.runner.waitUntilCaughtUp();
    expect(await reactor.sender.sendPending()).toBe(1);

    await reactor.runner.rebuild('mail-outbox');
    const event = await registrationOf('register-4');
    expect(await ledger.readStore.get(MAIL_OUTBOX, event.eventId)).toMatchObject({ status: 'pending' });
    expect(await reactor.sender.sendPending()).toBe(1); // the entry learns it was sent…
    expect(transport.sent).toHaveLength(1); // …without a second mail
    await reactor.stop();
    await expectOneVerificationMail('register-4', 'ops@rebuild.test');
  });

  it('a registration retried with the same command id appends nothing and mails nothing more', async () => {
    ledger = await openLedger(dir);
    const transport = new CountingMailbox(mailbox);
    const reactor = await startMailReactor(ledger, transport, { poll: true });
    await registerReseller(ledger, 'register-5', 'ops@idempotent.test');
    await registerReseller(ledger, 'register-5', 'ops@idempotent.test');
    const event = await registrationOf('register-5');
    for (let i = 0; i < 200 && (await ledger.readStore.get(MAIL_OUTBOX, event.eventId))?.status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    await reactor.stop();
    expect(transport.sent).toHaveLength(1);
    await expectOneVerificationMail('register-5', 'ops@idempotent.test');
  });
});
