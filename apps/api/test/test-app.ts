import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '@channel-ledger/application';
import { MAILER, OutboxMailer } from '../src/infrastructure/mailer';

/** The real application on a real SQLite file in a temp folder. */
export async function startTestApp(sqlitePath = join(mkdtempSync(join(tmpdir(), 'channel-ledger-api-')), 'ledger.sqlite')) {
  const config = loadConfig({ CHANNEL_LEDGER_SQLITE_PATH: sqlitePath, PORT: '0' });
  const app: INestApplication = await createApp(config, { logger: false });
  await app.init();
  return { app, sqlitePath, outbox: app.get<OutboxMailer>(MAILER) };
}

/** The verification token from the last mail sent to `to`. */
export function tokenMailedTo(outbox: OutboxMailer, to: string): string {
  const mail = [...outbox.sent].reverse().find((m) => m.to === to);
  const token = mail?.text.match(/"token":"([A-Za-z0-9_-]+)"/)?.[1];
  if (!token) throw new Error(`no verification mail for ${to}`);
  return token;
}
