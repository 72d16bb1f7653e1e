/** Where a command writes, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars and colour only where a person watches: stderr is a terminal. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** Bad arguments the parser could not see (an unknown stream kind, a date without offset): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran and found something wrong (verification failed): exit 1. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failed: 3 } as const;
