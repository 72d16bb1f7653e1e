import { CliIo, UsageError } from './io';
import { Ledger } from './ledger';
import { parseInstant } from '@channel-ledger/application';
import { toJson } from './output/json';

/** What every command gets: where to write, the stores (opened on demand), the exit code to set. */
export interface CommandContext {
  io: CliIo;
  ledger: Ledger;
  exitCode: number;
}

/** `--json` prints the answer as one JSON document; otherwise `print` writes the readable form. */
export function answer(ctx: CommandContext, json: boolean | undefined, value: unknown, print: () => void): void {
  if (json) ctx.io.out(`${toJson(value, 2)}\n`);
  else print();
}

/** A date (start of that UTC day) or an instant with its offset; anything else is a usage error. */
export function instantOption(name: string) {
  return (text: string): string => {
    const instant = parseInstant(text);
    if (!instant)
      throw new UsageError(`${name} must be a date (2026-03-01) or an instant with its offset (2026-03-01T12:00:00Z), got "${text}"`);
    return instant;
  };
}
