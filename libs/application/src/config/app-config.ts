import { isAbsolute, resolve } from 'node:path';

/** Where events live: the embedded SQLite file by default, EventStoreDB when its connection string is set. */
export type EventStoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'eventstoredb'; connectionString: string };

/** Where read models live: the embedded SQLite file by default, MongoDB when its URI is set. */
export type ReadStoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mongodb'; uri: string; database: string };

export interface AppConfig {
  port: number;
  host: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  /** Run projections inside the API process (embedded default) or leave them to apps/projector. */
  runProjectionsInProcess: boolean;
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
    problems.push(
      `EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false or esdb+discover://... (got "${esdb}")`,
    );
  }
  const mongoUri = text('MONGODB_URI');
  if (mongoUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongoUri)) {
    problems.push(`MONGODB_URI must start with mongodb:// or mongodb+srv:// (got "${mongoUri}")`);
  }
  const database = text('MONGODB_DATABASE') ?? 'channel_ledger';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(database)) {
    problems.push(`MONGODB_DATABASE must be 1-63 letters, digits, '_' or '-' (got "${database}")`);
  }
  const inProcess = parseBoolean('RUN_PROJECTIONS_IN_PROCESS', text('RUN_PROJECTIONS_IN_PROCESS'), problems);

  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return {
    port,
    host,
    eventStore: esdb ? { kind: 'eventstoredb', connectionString: esdb } : { kind: 'sqlite', path: sqlitePath },
    readStore: mongoUri ? { kind: 'mongodb', uri: mongoUri, database } : { kind: 'sqlite', path: sqlitePath },
    // Separate processes only make sense once the stores are servers; the embedded file runs all in one.
    runProjectionsInProcess: inProcess ?? !(esdb && mongoUri),
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
