/**
 * The environment for a child process a test starts on the embedded store: the parent's, without
 * the settings that would point it elsewhere. With EVENTSTORE_CONNECTION_STRING / MONGODB_URI set
 * for the server-backed suites, a child inheriting them would write to the real servers instead
 * of the file the test means.
 */
export function embeddedChildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(EVENTSTORE_|MONGODB_|CHANNEL_LEDGER_|SMTP_|RUN_PROJECTIONS_IN_PROCESS$|LOG_LEVEL$|PORT$|HOST$)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
