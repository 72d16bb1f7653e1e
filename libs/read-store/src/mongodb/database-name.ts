import { ReadStoreUsageError } from '../errors';

/**
 * The rule for MONGODB_DATABASE, applied by the store when it opens and by the configuration at
 * start-up (so a bad name is refused before anything connects): 1-63 lower-case letters, digits,
 * '_' or '-', starting with a letter or digit. Lower case only, because MongoDB refuses two
 * databases whose names differ only in case, and none of the characters it forbids (`/\. "$*<>:|?`).
 */
const DATABASE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Null when the name is acceptable, otherwise a sentence saying why not. */
export function mongoDatabaseNameProblem(name: unknown): string | null {
  if (typeof name === 'string' && DATABASE_NAME.test(name)) return null;
  return `must be 1-63 lower-case letters, digits, '_' or '-', starting with a letter or digit (got ${JSON.stringify(name)})`;
}

export function assertMongoDatabaseName(name: unknown): asserts name is string {
  const problem = mongoDatabaseNameProblem(name);
  if (problem) throw new ReadStoreUsageError(`MongoDB database name ${problem}`);
}
