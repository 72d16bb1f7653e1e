import { Command, Option } from 'commander';
import { answer, CommandContext, instantOption } from '../context';
import { exportLedger } from '../export/export-ledger';
import { LineSink } from '../export/line-sink';
import { parseTenant, Tenant } from '../export/tenant';
import { UsageError } from '../io';
import { progress } from '../output/progress';
import { count } from '../output/table';

interface ExportOptions {
  format: 'jsonl' | 'csv';
  stream: string[];
  tenant?: string;
  from?: string;
  to?: string;
  out?: string;
  seal: boolean;
  json?: boolean;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description(
      'the log (all, some streams, one tenant, a recorded-time range) as JSONL with hashes and checkpoints, or CSV for spreadsheets',
    )
    .addOption(new Option('--format <format>', 'jsonl (verifiable with verify --file) or csv').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--stream <streamId>', 'only this stream (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--tenant <tenant>', 'only the streams of reseller:<id> or vendor:<id>')
    .option('--from <date>', 'only events recorded at or after this date/instant', instantOption('--from'))
    .option('--to <date>', 'only events recorded before this date/instant', instantOption('--to'))
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--no-seal', 'do not seal a checkpoint of the head first')
    .option('--json', 'print the summary as JSON (on stderr when the export goes to standard output)')
    .action(async (options: ExportOptions) => {
      const tenant = options.tenant ? tenantOf(options.tenant) : null;
      if (tenant && options.stream.length > 0) throw new UsageError('--tenant and --stream cannot be combined');
      const sink = options.out ? LineSink.toFile(options.out) : LineSink.toStdout();
      const store = await ctx.ledger.eventStore();
      const bar = progress(ctx.io, 'exporting', await store.headPosition());
      let summary;
      try {
        summary = await exportLedger(
          ctx.ledger,
          sink,
          {
            format: options.format,
            streams: options.stream,
            tenant,
            recordedFrom: options.from ?? null,
            recordedTo: options.to ?? null,
            seal: options.seal,
          },
          bar,
        );
      } finally {
        bar.stop();
        await sink.close();
      }
      // The summary never mixes into an export written to standard output.
      const write = options.out ? ctx.io.out : ctx.io.err;
      for (const warning of summary.warnings) ctx.io.err(`warning: ${warning}\n`);
      answer({ ...ctx, io: { ...ctx.io, out: write } }, options.json, summary, () =>
        write(
          `Exported ${count(summary.events)} events${options.out ? ` to ${options.out}` : ''}${summary.checkpoint ? `, held to checkpoint #${summary.checkpoint}` : ''}.\n`,
        ),
      );
    });
}

function tenantOf(text: string): Tenant {
  const tenant = parseTenant(text);
  if (!tenant) throw new UsageError(`--tenant must be reseller:<id> or vendor:<id>, got "${text}"`);
  return tenant;
}
