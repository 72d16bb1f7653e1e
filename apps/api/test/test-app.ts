import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig } from '@channel-ledger/application';
import { createApp } from '../src/bootstrap';
import { CLOCK, Clock, TestClock } from '../src/infrastructure/clock';

/** Staff accounts every test app starts with (CHANNEL_LEDGER_STAFF). */
export const TEST_STAFF = {
  support: 'support@ledger.test',
  auditor: 'auditor@ledger.test',
  operator: 'operator@ledger.test',
  /** Vendor administrators: vendor id → address. */
  vendorAdmins: { 'vendor-1': 'admin@vendor-1.test', 'vendor-2': 'admin@vendor-2.test' } as Record<string, string>,
};

const STAFF_SETTING = [
  `support:${TEST_STAFF.support}`,
  `auditor:${TEST_STAFF.auditor}`,
  `operator:${TEST_STAFF.operator}`,
  ...Object.entries(TEST_STAFF.vendorAdmins).map(([vendorId, email]) => `vendor-admin:${vendorId}:${email}`),
].join(',');

export interface TestApp {
  app: INestApplication;
  /** For supertest: request(t.http). */
  http: ReturnType<INestApplication['getHttpServer']>;
  config: AppConfig;
  sqlitePath: string;
  mailboxDir: string;
  clock: TestClock;
  /** Closes the app and deletes its temporary folder (unless `keepFiles`). */
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

/** The real application on a real SQLite file in a temp folder, with a sandbox clock. */
export async function startTestApp(options: { sqlitePath?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'channel-ledger-api-'));
  const sqlitePath = options.sqlitePath ?? join(dir, 'ledger.sqlite');
  const config = loadConfig({
    CHANNEL_LEDGER_SQLITE_PATH: sqlitePath,
    CHANNEL_LEDGER_MAILBOX: join(dir, 'mailbox'),
    CHANNEL_LEDGER_STAFF: STAFF_SETTING,
    CHANNEL_LEDGER_TEST_CLOCK: 'true',
    PORT: '0',
    ...options.env,
  });
  const app: INestApplication = await createApp(config, { logger: false });
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    config,
    sqlitePath,
    mailboxDir: config.mail.mailboxDir,
    clock: app.get<Clock>(CLOCK) as TestClock,
    async close({ keepFiles = false } = {}) {
      await app.close();
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}
