import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A mail the test app wrote to its mailbox folder (one .eml file per mail). */
export interface MailboxMail {
  to: string;
  subject: string;
  text: string;
  /** Full path of the .eml file. */
  file: string;
}

/** Every mail in the folder, newest first (by file time, then name); an absent folder is an empty mailbox. */
export async function readMailbox(mailboxDir: string): Promise<MailboxMail[]> {
  if (!existsSync(mailboxDir)) return [];
  const names = (await readdir(mailboxDir)).filter((name) => name.endsWith('.eml'));
  const mails = await Promise.all(
    names.map(async (name) => {
      const file = join(mailboxDir, name);
      const [content, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      return { mail: parseEml(content, file), time: info.mtimeMs };
    }),
  );
  mails.sort((a, b) => b.time - a.time || b.mail.file.localeCompare(a.mail.file));
  return mails.map((m) => m.mail);
}

/**
 * The newest mail to `to` (case-insensitive) whose subject includes `subjectIncludes`, waiting
 * for the mail sender (it follows the log, so the mail arrives shortly after the request).
 */
export async function waitForMail(mailboxDir: string, to: string, subjectIncludes?: string, timeoutMs = 5000): Promise<MailboxMail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (mail: MailboxMail) =>
    mail.to.toLowerCase() === to.toLowerCase() && (subjectIncludes === undefined || mail.subject.includes(subjectIncludes));
  for (;;) {
    const mails = await readMailbox(mailboxDir);
    const found = mails.find(matches);
    if (found) return found;
    if (Date.now() >= deadline) {
      const present =
        mails.length === 0 ? 'the mailbox is empty' : `it holds:\n${mails.map((m) => `  to ${m.to}: ${m.subject}`).join('\n')}`;
      throw new Error(
        `No mail to ${to}${subjectIncludes === undefined ? '' : ` with a subject including "${subjectIncludes}"`} ` +
          `arrived in ${mailboxDir} within ${timeoutMs} ms; ${present}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Just what tests need of RFC 5322: unfolded headers, RFC 2047 subjects, the body with \n line ends. */
export function parseEml(content: string, file: string): MailboxMail {
  const split = content.indexOf('\r\n\r\n');
  const head = split < 0 ? content : content.slice(0, split);
  const body = split < 0 ? '' : content.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return {
    to: headers.get('to') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text: body.replace(/\r\n/g, '\n').replace(/\n$/, ''),
    file,
  };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi, (_, base64: string) => Buffer.from(base64, 'base64').toString('utf8'));
}
