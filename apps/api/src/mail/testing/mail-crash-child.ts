/**
 * Child process of mail-outbox.crash.spec.ts: registers a reseller on the given folder's ledger,
 * then dies with SIGKILL (no cleanup, no flush, exactly as `kill -9`) at MAIL_CRASH_AT:
 * - `after-append`: right after the append was acknowledged, before anything looked at it;
 * - `after-writing-mail`: the sender wrote the .eml but had not marked the outbox entry sent.
 */
import { CountingMailbox, openLedger, registerReseller, startMailReactor } from './outbox-fixture';

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

async function main(): Promise<void> {
  const dir = process.env.MAIL_CRASH_DIR!;
  const ledger = await openLedger(dir);
  await registerReseller(ledger, process.env.MAIL_CRASH_COMMAND_ID!, process.env.MAIL_CRASH_EMAIL!);
  if (process.env.MAIL_CRASH_AT === 'after-append') die();
  await startMailReactor(ledger, new CountingMailbox(process.env.MAIL_CRASH_MAILBOX!, { after: die }), { poll: true });
  setInterval(() => undefined, 1 << 30); // the sender's timer does not hold the process; this does, until the kill
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
