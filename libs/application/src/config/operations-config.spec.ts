import { mongoDatabaseNameProblem } from '@channel-ledger/read-store';
import { InvalidConfigurationError, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
}

describe('configuration: the MongoDB database name and the operations settings', () => {
  it('checks MONGODB_DATABASE with the rule the read store applies when it opens', () => {
    for (const name of ['channel_ledger', 'ledger-2', 'a']) {
      expect(mongoDatabaseNameProblem(name)).toBeNull();
      expect(problemsOf({ MONGODB_URI: 'mongodb://db/?replicaSet=rs0', MONGODB_DATABASE: name })).toEqual([]);
    }
    // Upper case (MongoDB refuses names differing only in case), dots, slashes, spaces, too long.
    for (const name of ['Channel_Ledger', 'ledger.prod', 'a/b', 'two words', `x${'y'.repeat(63)}`, '_ledger']) {
      expect(mongoDatabaseNameProblem(name)).not.toBeNull();
      const problems = problemsOf({ MONGODB_URI: 'mongodb://db/?replicaSet=rs0', MONGODB_DATABASE: name });
      expect(problems).toEqual([expect.stringMatching(/^MONGODB_DATABASE must be 1-63 lower-case letters/)]);
    }
  });

  it('defaults the log level, readiness lag bound and shutdown timeout, and names bad values', () => {
    expect(loadConfig({}).operations).toEqual({ logLevel: 'info', readyMaxLagSeconds: 60, shutdownTimeoutMs: 20_000 });
    expect(
      loadConfig({ LOG_LEVEL: 'DEBUG', CHANNEL_LEDGER_READY_MAX_LAG_SECONDS: '5', CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS: '1000' }).operations,
    ).toEqual({
      logLevel: 'debug',
      readyMaxLagSeconds: 5,
      shutdownTimeoutMs: 1000,
    });
    expect(
      problemsOf({ LOG_LEVEL: 'loud', CHANNEL_LEDGER_READY_MAX_LAG_SECONDS: '0', CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS: 'soon' }),
    ).toEqual([
      expect.stringMatching(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/),
      expect.stringMatching(/CHANNEL_LEDGER_READY_MAX_LAG_SECONDS must be a positive whole number/),
      expect.stringMatching(/CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS must be a positive whole number/),
    ]);
  });
});
