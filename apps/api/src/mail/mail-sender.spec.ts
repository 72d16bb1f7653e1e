import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailSender } from './mail-sender';
import { CountingMailbox, FROM, Ledger, openLedger, registerReseller, startMailReactor } from './testing/outbox-fixture';

describe('MailSender polling', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let ledger: Ledger;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mail-sender-'));
    ledger = await openLedger(dir);
  });
  afterEach(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('works through a backlog of several pages without waiting a poll interval per page', async () => {
    for (let i = 0; i < 230; i++) await registerReseller(ledger, `backlog-${i}`, `r-${i}@backlog.example`);
    const reactor = await startMailReactor(ledger, new CountingMailbox(join(dir, 'unused')));
    await reactor.runner.waitUntilCaughtUp();
    const transport = new CountingMailbox(join(dir, 'mailbox'));
    // A poll interval far longer than the test: only the pages read back to back can send it all.
    const sender = new MailSender({
      eventStore: ledger.eventStore,
      readStore: ledger.readStore,
      transport,
      from: FROM,
      context: { publicUrl: 'http://127.0.0.1:3000', derive: (purpose) => ledger.secrets.derive(purpose) },
      pollIntervalMs: 600_000,
    });
    await sender.start();
    const deadline = Date.now() + 30_000;
    while (transport.sent.length < 230 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await sender.stop();
    await reactor.stop();
    expect(transport.sent).toHaveLength(230);
    expect(new Set(transport.sent.map((mail) => mail.to)).size).toBe(230);
  });
});
