import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { InvalidConfigurationError } from '@channel-ledger/application';
import { registerCheckpoint } from './commands/checkpoint';
import { registerExport } from './commands/export';
import { registerRebuild } from './commands/rebuild';
import { registerReplay } from './commands/replay';
import { registerVerify } from './commands/verify';
import { CommandContext } from './context';
import { CliIo, EXIT, UsageError } from './io';
import { Ledger } from './ledger';

const ENVIRONMENT = `
Stores are chosen as for the API: CHANNEL_LEDGER_SQLITE_PATH (default data/channel-ledger.sqlite),
or EVENTSTORE_CONNECTION_STRING and MONGODB_URI for the production stack.

Exit status: 0 done (or verified), 1 something wrong was found, 2 bad arguments, 3 could not run.`;

/** The version in package.json, wherever this runs from (sources or dist/). */
function version(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'channel-ledger') return pkg.version ?? '0.0.0';
    }
  }
  return '0.0.0';
}

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('channel-ledger')
    .description("the auditor's and support's instrument: replay on two time axes, invoice owners, verification, exports, rebuilds")
    .version(version(), '-V, --version')
    .addHelpText('after', ENVIRONMENT)
    .showHelpAfterError('(channel-ledger --help lists the commands; channel-ledger <command> --help their options)')
    .configureOutput({ writeOut: (text) => ctx.io.out(text), writeErr: (text) => ctx.io.err(text) })
    .exitOverride();
  registerReplay(program, ctx);
  registerVerify(program, ctx);
  registerExport(program, ctx);
  registerCheckpoint(program, ctx);
  registerRebuild(program, ctx);
  // Sub-commands inherit neither exitOverride nor the output target: set both everywhere.
  const walk = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (text) => ctx.io.out(text), writeErr: (text) => ctx.io.err(text) });
    command.showHelpAfterError(`(channel-ledger ${command.name()} --help lists its options)`);
    command.commands.forEach(walk);
  };
  program.commands.forEach(walk);
  return program;
}

/** Runs one command line (without `node` and the script) and answers its exit status; never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, ledger: new Ledger(io.env), exitCode: EXIT.ok };
  const program = buildProgram(ctx);
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return failure(error, io);
  } finally {
    await ctx.ledger.close().catch(() => undefined);
  }
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and --version "fail" with exit code 0; every real usage error is 2.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}\n(channel-ledger --help lists the commands)\n`);
    return EXIT.usage;
  }
  // A person reads this, not a developer: the message, never the stack.
  if (error instanceof InvalidConfigurationError) io.err(`${error.message}\n`);
  else io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}
