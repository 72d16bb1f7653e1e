import { Command } from 'commander';
import {
  invoiceOwnerFromLog,
  LedgerSubject,
  parseSubject,
  replay,
  stateAsOf,
  SUBJECT_KINDS,
  subjectStream,
  TimeAxes,
} from '@channel-ledger/application';
import { answer, CommandContext, instantOption } from '../context';
import { UsageError } from '../io';
import { toJson } from '../output/json';
import { party, table } from '../output/table';

interface AxesOptions {
  asOf?: string;
  asKnownAt?: string;
  json?: boolean;
  raw?: boolean;
}

const AS_OF = 'business date: what was in force then (a date is the start of that UTC day; default: now)';
const AS_KNOWN_AT = 'recorded time: only what the ledger had recorded by then (default: everything)';

export function registerReplay(program: Command, ctx: CommandContext): void {
  program
    .command('replay')
    .description(
      'each event of a subscription, organization or reseller with actor, on-behalf-of, both times, a sentence, and the state after it',
    )
    .argument('<kind>', SUBJECT_KINDS.join(' | '))
    .argument('<id>', 'its id (or the whole stream id)')
    .option('--as-of <date>', AS_OF, instantOption('--as-of'))
    .option('--as-known-at <time>', AS_KNOWN_AT, instantOption('--as-known-at'))
    .option('--json', 'print the replay as JSON')
    .option(
      '--raw',
      'print the events exactly as stored (their original schema version, personal fields as ciphertext), one JSON line each',
    )
    .action(async (kind: string, id: string, options: AxesOptions) => {
      if (options.raw) {
        const stored = await (
          await ctx.ledger.rawEventStore()
        ).readStream(subjectStream(subject(kind, id)), options.asKnownAt ? { recordedUpTo: options.asKnownAt } : {});
        for (const e of stored)
          ctx.io.out(
            `${toJson({ position: e.position, streamId: e.streamId, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata })}\n`,
          );
        return;
      }
      const result = await replay(await ctx.ledger.eventStore(), subject(kind, id), axes(options));
      answer(ctx, options.json, result, () => {
        ctx.io.out(
          `${result.streamId}, as of ${result.asOf}, as known ${result.asKnownAt ? `at ${result.asKnownAt}` : 'now'}: ${result.steps.length} events in force\n\n`,
        );
        for (const step of result.steps) {
          ctx.io.out(`#${step.revision} ${step.type} — ${step.sentence}\n`);
          ctx.io.out(
            `   by ${party(step.actor)}${step.onBehalfOf ? ` for ${party(step.onBehalfOf)}` : ''}; in force ${step.effectiveAt}, recorded ${step.recordedAt}\n`,
          );
          ctx.io.out(`   then: ${toJson(step.stateAfter)}\n`);
        }
        if (result.notYetInForce.length > 0) {
          ctx.io.out(`\nRecorded but not yet in force on ${result.asOf}:\n`);
          ctx.io.out(
            table(
              ['REVISION', 'TYPE', 'IN FORCE FROM', 'RECORDED', 'WHAT'],
              result.notYetInForce.map((e) => [e.revision, e.type, e.effectiveAt, e.recordedAt, e.sentence]),
            ),
          );
        }
      });
    });

  program
    .command('state')
    .description('what was true of a subscription, organization or reseller on a business date, as known at a time')
    .argument('<kind>', SUBJECT_KINDS.join(' | '))
    .argument('<id>', 'its id (or the whole stream id)')
    .option('--as-of <date>', AS_OF, instantOption('--as-of'))
    .option('--as-known-at <time>', AS_KNOWN_AT, instantOption('--as-known-at'))
    .option('--json', 'print the state as JSON')
    .action(async (kind: string, id: string, options: AxesOptions) => {
      const result = await stateAsOf(await ctx.ledger.eventStore(), subject(kind, id), axes(options));
      answer(ctx, options.json, result, () => {
        ctx.io.out(`${result.streamId} as of ${result.asOf}, as known ${result.asKnownAt ? `at ${result.asKnownAt}` : 'now'}`);
        ctx.io.out(` (${result.eventsInForce} events in force, ${result.eventsNotYetInForce} recorded but not yet in force):\n`);
        ctx.io.out(`${toJson(result.state, 2)}\n`);
      });
    });

  program
    .command('invoice-owner')
    .description('who was the invoice owner of a subscription on a date: since when, through which channel, and the events that made it so')
    .argument('<subscription>', 'the subscription id')
    .requiredOption('--at <date>', 'the business date asked about', instantOption('--at'))
    .option('--as-known-at <time>', AS_KNOWN_AT, instantOption('--as-known-at'))
    .option('--json', 'print the answer as JSON')
    .action(async (subscriptionId: string, options: { at: string; asKnownAt?: string; json?: boolean }) => {
      const id = subscriptionId.replace(/^subscription-/, '');
      const result = await invoiceOwnerFromLog(await ctx.ledger.eventStore(), id, { at: options.at, asKnownAt: options.asKnownAt ?? null });
      answer(ctx, options.json, result, () => {
        const owner = result.invoiceOwner;
        if (!owner) {
          ctx.io.out(
            `subscription ${id} had no invoice owner on ${result.at}${result.asKnownAt ? ` as known at ${result.asKnownAt}` : ''} (not bought yet, or not recorded yet).\n`,
          );
          return;
        }
        ctx.io.out(
          `On ${result.at} invoices of subscription ${id} went to ${owner.name} (${owner.kind} ${owner.id}, ${owner.email}), through the ${owner.channel} channel, since ${owner.since}.\n`,
        );
        if (result.madeSoBy)
          ctx.io.out(
            `Made so by ${result.madeSoBy.type} #${result.madeSoBy.revision} (event ${result.madeSoBy.eventId}), recorded ${result.madeSoBy.recordedAt} by ${party(result.madeSoBy.actor)}.\n`,
          );
        ctx.io.out(
          `\n${table(
            ['REVISION', 'TYPE', 'IN FORCE FROM', 'RECORDED', 'BY', 'WHAT'],
            result.events.map((e) => [e.revision, e.type, e.effectiveAt, e.recordedAt, party(e.actor), e.sentence]),
          )}`,
        );
      });
    });
}

function subject(kind: string, id: string): LedgerSubject {
  const parsed = parseSubject(kind, id);
  if (!parsed) throw new UsageError(`the subject must be one of ${SUBJECT_KINDS.join(', ')} followed by its id, got "${kind} ${id}"`);
  return parsed;
}

function axes(options: AxesOptions): TimeAxes {
  return { asOf: options.asOf ?? new Date().toISOString(), asKnownAt: options.asKnownAt ?? null };
}
