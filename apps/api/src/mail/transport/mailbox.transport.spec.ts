import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMailbox } from '../../../test/mailbox';
import { OutgoingMail } from '../mail-message';
import { MailboxTransport } from './mailbox.transport';

describe('the mailbox transport (.eml files)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mailbox-transport-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mail: OutgoingMail = {
    key: '0b7f6c3e-1d2a-5e4f-8a9b-0c1d2e3f4a5b',
    messageId: '<0b7f6c3e-1d2a-5e4f-8a9b-0c1d2e3f4a5b@channel-ledger.local>',
    from: 'channel-ledger <no-reply@channel-ledger.local>',
    date: new Date('2026-01-01T12:00:00.000Z'),
    to: 'alice@acme.test',
    subject: 'Müller GmbH offers you ownership of a very long organization name that needs more than one encoded word',
    text: 'Line one\nPOST /x with {"token":"abc"}',
  };

  it('writes an RFC 5322 message named by the key, readable back by the test mailbox', async () => {
    const mailbox = new MailboxTransport(join(dir, 'mailbox'));
    await mailbox.send(mail);
    const content = readFileSync(join(dir, 'mailbox', `${mail.key}.eml`), 'utf8');
    expect(content).toMatch(/^From: channel-ledger <no-reply@channel-ledger\.local>\r\nTo: alice@acme\.test\r\nSubject: =\?UTF-8\?B\?/);
    expect(content).toContain('\r\nDate: Thu, 01 Jan 2026 12:00:00 +0000\r\n');
    expect(content).toContain(`\r\nMessage-ID: ${mail.messageId}\r\n`);
    expect(content).toContain('\r\nContent-Type: text/plain; charset=utf-8\r\n');
    expect(content).toContain('\r\n\r\nLine one\r\nPOST /x with {"token":"abc"}\r\n');
    expect(await readMailbox(join(dir, 'mailbox'))).toEqual([
      { to: mail.to, subject: mail.subject, text: mail.text, file: join(dir, 'mailbox', `${mail.key}.eml`) },
    ]);
  });

  it('sending the same mail again overwrites it: still one mail, no temporary file left', async () => {
    const mailbox = new MailboxTransport(dir);
    await mailbox.send(mail);
    await mailbox.send(mail);
    expect(readdirSync(dir)).toEqual([`${mail.key}.eml`]);
  });

  it('refuses a key that is not a plain file name, and keeps header values on one line', async () => {
    const mailbox = new MailboxTransport(dir);
    await expect(mailbox.send({ ...mail, key: '../escape' })).rejects.toThrow(/cannot be a file name/);
    await mailbox.send({ ...mail, subject: 'Hello\r\nBcc: evil@x.test' });
    expect(readFileSync(join(dir, `${mail.key}.eml`), 'utf8')).not.toMatch(/\r\nBcc:/);
  });
});
