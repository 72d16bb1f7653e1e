import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { StaffRole } from '@channel-ledger/domain';
import { mongoDatabaseNameProblem } from '@channel-ledger/read-store';

/** Where events live: the embedded SQLite file by default, EventStoreDB when its connection string is set. */
export type EventStoreConfig = { kind: 'sqlite'; path: string } | { kind: 'eventstoredb'; connectionString: string };

/** Where read models live: the embedded SQLite file by default, MongoDB when its URI is set. */
export type ReadStoreConfig = { kind: 'sqlite'; path: string } | { kind: 'mongodb'; uri: string; database: string };

export interface AppConfig {
  port: number;
  host: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  /** Run projections inside the API process (embedded default) or leave them to apps/projector. */
  runProjectionsInProcess: boolean;
  /** `production` refuses sandbox features (test clocks) and requires an explicit secret. */
  profile: 'development' | 'production';
  /**
   * Signs access tokens and derives mailed tokens and vendor license keys. Null in development:
   * one is generated and kept beside the embedded store (see `resolveSecret`).
   */
  secret: string | null;
  /** The first staff accounts; later ones are invited by them. */
  staff: StaffAccount[];
  /** Allows a sandbox clock that tests and demos set and advance; never in production. */
  testClock: boolean;
  mail: MailConfig;
  /** Where links in mails point to, e.g. https://ledger.example.com. */
  publicUrl: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Lifetime of an access token; the refresh token lives until sign-out or 30 days. */
  accessTokenTtlSeconds: number;
  /** Requests a minute: per client address and route on public routes, per principal elsewhere. */
  rateLimits: RateLimitConfig;
  /** Logs, readiness and shutdown (apps/api/src/operations). */
  operations: OperationsConfig;
  /** apps/projector: the lease that keeps one of several projector processes active. */
  projector: ProjectorConfig;
}

export interface ProjectorConfig {
  /**
   * How long the active projector's lease lasts without a renewal (CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS,
   * default 15 s): it renews every third of it, and a standby takes over this long after the active
   * one died. Keep it well above the processes' clock skew.
   */
  leaseTtlMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface OperationsConfig {
  /** JSON log lines at this level and above (LOG_LEVEL). */
  logLevel: LogLevel;
  /** `GET /health/ready` fails while a projection's oldest unprojected event is older than this. */
  readyMaxLagSeconds: number;
  /** On SIGTERM, how long in-flight requests and the projections' last batch may take before the process closes anyway. */
  shutdownTimeoutMs: number;
}

export interface RateLimitConfig {
  publicPerMinute: number;
  signedInPerMinute: number;
}

export type { StaffRole };

export interface StaffAccount {
  role: StaffRole;
  email: string;
  /** The vendor a vendor administrator acts for; null for the other roles. */
  vendorId: string | null;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 — unset: every mail is written as an .eml file to `mailboxDir`. */
  smtpUrl: string | null;
  mailboxDir: string;
  from: string;
}

export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const DEFAULT_DATA_FILE = 'data/channel-ledger.sqlite';

/** Reads and checks every setting at once, so a bad start names all that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const port = parsePort(text('PORT') ?? '3000', problems);
  const host = text('HOST') ?? '127.0.0.1';

  const sqliteFile = text('CHANNEL_LEDGER_SQLITE_PATH') ?? DEFAULT_DATA_FILE;
  if (sqliteFile !== ':memory:' && sqliteFile.endsWith('/')) {
    problems.push(`CHANNEL_LEDGER_SQLITE_PATH must name a file, not a directory (got "${sqliteFile}")`);
  }
  const sqlitePath = sqliteFile === ':memory:' ? sqliteFile : absolute(sqliteFile);

  const esdb = text('EVENTSTORE_CONNECTION_STRING');
  if (esdb !== undefined && !/^esdb(\+discover)?:\/\/\S+$/.test(esdb)) {
    problems.push(`EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false or esdb+discover://... (got "${esdb}")`);
  }
  const mongoUri = text('MONGODB_URI');
  if (mongoUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongoUri)) {
    problems.push(`MONGODB_URI must start with mongodb:// or mongodb+srv:// (got "${mongoUri}")`);
  }
  const database = text('MONGODB_DATABASE') ?? 'channel_ledger';
  // The read store's own rule, so a name it would refuse is refused here, before anything connects.
  const databaseProblem = mongoDatabaseNameProblem(database);
  if (databaseProblem) problems.push(`MONGODB_DATABASE ${databaseProblem}`);
  const inProcess = parseBoolean('RUN_PROJECTIONS_IN_PROCESS', text('RUN_PROJECTIONS_IN_PROCESS'), problems);

  const profile = text('CHANNEL_LEDGER_PROFILE') ?? 'development';
  if (profile !== 'development' && profile !== 'production') {
    problems.push(`CHANNEL_LEDGER_PROFILE must be development or production (got "${profile}")`);
  }
  const secret = text('CHANNEL_LEDGER_SECRET') ?? null;
  if (secret !== null && secret.length < 32) problems.push('CHANNEL_LEDGER_SECRET must be at least 32 characters');
  if (secret === null && profile === 'production') problems.push('CHANNEL_LEDGER_SECRET is required in the production profile');
  const staff = parseStaff(text('CHANNEL_LEDGER_STAFF'), problems);
  const testClock = parseBoolean('CHANNEL_LEDGER_TEST_CLOCK', text('CHANNEL_LEDGER_TEST_CLOCK'), problems) ?? profile !== 'production';
  if (testClock && profile === 'production') problems.push('CHANNEL_LEDGER_TEST_CLOCK cannot be enabled in the production profile');
  const smtpUrl = text('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/\S+$/.test(smtpUrl))
    problems.push(`SMTP_URL must start with smtp:// or smtps:// (got "${smtpUrl}")`);
  const mailboxDir = absolute(text('CHANNEL_LEDGER_MAILBOX') ?? join(sqliteFile === ':memory:' ? 'data' : dirname(sqlitePath), 'mailbox'));
  const from = text('MAIL_FROM') ?? 'channel-ledger <no-reply@channel-ledger.local>';
  const publicUrl = (text('CHANNEL_LEDGER_PUBLIC_URL') ?? `http://${host}:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(publicUrl)) problems.push(`CHANNEL_LEDGER_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const bodyLimitBytes = parsePositive('CHANNEL_LEDGER_BODY_LIMIT_BYTES', text('CHANNEL_LEDGER_BODY_LIMIT_BYTES') ?? '262144', problems);
  const accessTokenTtlSeconds = parsePositive('ACCESS_TOKEN_TTL_SECONDS', text('ACCESS_TOKEN_TTL_SECONDS') ?? '900', problems);
  // Development (and tests) allow ten times more, so suites that register dozens of resellers a minute pass.
  const development = profile !== 'production';
  const rateLimits = {
    publicPerMinute: parsePositive(
      'CHANNEL_LEDGER_RATE_LIMIT_PUBLIC',
      text('CHANNEL_LEDGER_RATE_LIMIT_PUBLIC') ?? (development ? '300' : '30'),
      problems,
    ),
    signedInPerMinute: parsePositive(
      'CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN',
      text('CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN') ?? (development ? '6000' : '600'),
      problems,
    ),
  };

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const operations: OperationsConfig = {
    logLevel: LOG_LEVELS.includes(logLevel as LogLevel) ? (logLevel as LogLevel) : 'info',
    readyMaxLagSeconds: parsePositive(
      'CHANNEL_LEDGER_READY_MAX_LAG_SECONDS',
      text('CHANNEL_LEDGER_READY_MAX_LAG_SECONDS') ?? '60',
      problems,
    ),
    shutdownTimeoutMs: parsePositive('CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS', text('CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS') ?? '20000', problems),
  };

  const leaseTtlMs = parsePositive(
    'CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS',
    text('CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS') ?? '15000',
    problems,
  );
  if (leaseTtlMs < 300) problems.push(`CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS must be at least 300 (got "${leaseTtlMs}")`);

  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return {
    port,
    host,
    eventStore: esdb ? { kind: 'eventstoredb', connectionString: esdb } : { kind: 'sqlite', path: sqlitePath },
    readStore: mongoUri ? { kind: 'mongodb', uri: mongoUri, database } : { kind: 'sqlite', path: sqlitePath },
    // Separate processes only make sense once the stores are servers; the embedded file runs all in one.
    runProjectionsInProcess: inProcess ?? !(esdb && mongoUri),
    profile: profile === 'production' ? 'production' : 'development',
    secret,
    staff,
    testClock,
    mail: { smtpUrl, mailboxDir, from },
    publicUrl,
    bodyLimitBytes,
    accessTokenTtlSeconds,
    rateLimits,
    operations,
    projector: { leaseTtlMs },
  };
}

function parsePort(value: string, problems: string[]): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 (any free port) to 65535 (got "${value}")`);
    return 0;
  }
  return port;
}

function parseBoolean(name: string, value: string | undefined, problems: string[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return undefined;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

function parsePositive(name: string, value: string, problems: string[]): number {
  if (!/^\d{1,12}$/.test(value) || Number(value) < 1) {
    problems.push(`${name} must be a positive whole number (got "${value}")`);
    return 1;
  }
  return Number(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `support:ann@x.example,auditor:bo@x.example,operator:ops@x.example,vendor-admin:<vendorId>:vera@v.example` */
function parseStaff(value: string | undefined, problems: string[]): StaffAccount[] {
  if (value === undefined) return [];
  const accounts: StaffAccount[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const parts = entry.split(':');
    const [role] = parts;
    if (role === 'vendor-admin' && parts.length === 3 && /^[A-Za-z0-9_-]{1,64}$/.test(parts[1]) && EMAIL.test(parts[2])) {
      accounts.push({ role, vendorId: parts[1], email: parts[2].toLowerCase() });
    } else if ((role === 'support' || role === 'auditor' || role === 'operator') && parts.length === 2 && EMAIL.test(parts[1])) {
      accounts.push({ role, vendorId: null, email: parts[1].toLowerCase() });
    } else {
      problems.push(
        `CHANNEL_LEDGER_STAFF entry "${entry}" must be support:<email>, auditor:<email>, operator:<email> or vendor-admin:<vendorId>:<email>`,
      );
    }
  }
  return accounts;
}
