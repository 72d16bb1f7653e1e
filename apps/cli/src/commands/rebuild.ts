import { Command } from 'commander';
import { mailOutboxProjection, ProjectionRunner, readModelProjections } from '@channel-ledger/projections';
import { answer, CommandContext } from '../context';
import { UsageError } from '../io';
import { progress } from '../output/progress';
import { count, table } from '../output/table';

const PROJECTIONS = [...readModelProjections, mailOutboxProjection];

/**
 * The blue/green rebuild, from the command line: the current version keeps serving while the new
 * one is built from position 0, then the aliases switch. Run it while the API is stopped, or use
 * POST /projections/<name>/rebuild on the running API: two runners on one read store would both
 * move the same checkpoints.
 */
export function registerRebuild(program: Command, ctx: CommandContext): void {
  program
    .command('rebuild')
    .description('rebuild a projection (or all) from the log, blue/green, with progress and a summary')
    .argument('<projection>', `one of ${PROJECTIONS.map((p) => p.name).join(', ')}, or all`)
    .option('--json', 'print the summary as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const names = name === 'all' ? PROJECTIONS.map((p) => p.name) : [name];
      const unknown = names.filter((n) => !PROJECTIONS.some((p) => p.name === n));
      if (unknown.length > 0)
        throw new UsageError(`no projection named "${unknown[0]}"; known: ${PROJECTIONS.map((p) => p.name).join(', ')}, all`);
      const eventStore = await ctx.ledger.eventStore();
      const runner = new ProjectionRunner({ eventStore, readStore: await ctx.ledger.readStore(), projections: PROJECTIONS });
      await runner.start();
      const summary: { projection: string; outcome: string; events: number; seconds: number }[] = [];
      try {
        for (const projection of names) {
          const started = Date.now();
          const bar = progress(ctx.io, projection, await eventStore.headPosition());
          let events = 0;
          const timer = setInterval(() => {
            void runner.projectionStatus(projection).then((s) => {
              events = s.rebuild?.eventsApplied ?? events;
              bar.update(events, s.rebuild ? BigInt(s.rebuild.position) : null);
            });
          }, 200);
          try {
            const outcome = await runner.rebuild(projection);
            summary.push({
              projection,
              outcome,
              events: Number((await eventStore.headPosition()) ?? 0n),
              seconds: (Date.now() - started) / 1000,
            });
          } finally {
            clearInterval(timer);
            bar.stop();
          }
        }
      } finally {
        await runner.stop();
      }
      answer(ctx, options.json, summary, () =>
        ctx.io.out(
          table(
            ['PROJECTION', 'OUTCOME', 'LOG EVENTS', 'SECONDS'],
            summary.map((s) => [s.projection, s.outcome, count(s.events), s.seconds.toFixed(1)]),
          ),
        ),
      );
      if (summary.some((s) => s.outcome !== 'switched')) ctx.exitCode = 1;
    });
}
