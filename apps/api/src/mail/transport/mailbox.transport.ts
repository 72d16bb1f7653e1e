import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MailTransport, OutgoingMail } from '../mail-message';
import { emlOf } from './eml';

/**
 * Without a mail server, every mail is an .eml file in one folder (open it with any mail client).
 * The file is named by the mail's key, so sending a mail again (after a crash) overwrites the
 * same file: the folder holds each mail exactly once. Written to a temporary file, flushed and
 * renamed, so a reader never sees half a mail.
 */
export class MailboxTransport implements MailTransport {
  constructor(private readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(mail.key)) throw new Error(`Mail key "${mail.key}" cannot be a file name`);
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${mail.key}.eml`);
    const temporary = join(this.dir, `.${mail.key}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(emlOf(mail), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async close(): Promise<void> {}
}
