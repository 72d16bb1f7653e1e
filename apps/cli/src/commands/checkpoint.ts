import { Command } from 'commander';
import { CheckpointSealer, exportPublicKey, headToJson, keyIdOf, SignedCheckpoint } from '@channel-ledger/event-store';
import { answer, CommandContext } from '../context';
import { UsageError } from '../io';
import { count, table } from '../output/table';

/** The lines an auditor can copy onto paper: the digest is what pins everything else. */
export function printable(c: SignedCheckpoint): string {
  return [
    `checkpoint #${c.sequence}, sealed ${c.sealedAt}`,
    `  log head position ${c.headPosition ?? 'none'}, ${count(c.eventCount)} events in ${count(c.streamCount)} streams`,
    `  streams root   ${c.streamsRoot}`,
    `  previous       ${c.previousDigest ?? '(none: the first checkpoint)'}`,
    `  signed by key  ${c.keyId}`,
    `  DIGEST         ${c.digest}`,
  ].join('\n');
}

export function registerCheckpoint(program: Command, ctx: CommandContext): void {
  const checkpoint = program.command('checkpoint').description('signed checkpoints of the log head: seal, list, show, key');

  checkpoint
    .command('seal')
    .description('seal a checkpoint of the head now (the API and the projector also seal periodically)')
    .option('--json', 'print the checkpoint as JSON')
    .action(async (options: { json?: boolean }) => {
      const outcome = await new CheckpointSealer(await ctx.ledger.eventStore(), await ctx.ledger.checkpoints(), ctx.ledger.signer()).seal();
      answer(ctx, options.json, outcome, () => {
        if (!outcome.checkpoint) ctx.io.out('The log is empty: nothing to seal.\n');
        else
          ctx.io.out(
            `${outcome.sealed ? `Sealed ${count(outcome.newEvents)} new events.` : 'Nothing new since the last checkpoint.'}\n${printable(outcome.checkpoint)}\n`,
          );
      });
    });

  checkpoint
    .command('list')
    .description('every checkpoint, oldest first')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }) => {
      const all = await (await ctx.ledger.checkpoints()).list();
      answer(ctx, options.json, all, () =>
        ctx.io.out(
          table(
            ['#', 'SEALED', 'HEAD POSITION', 'EVENTS', 'STREAMS', 'DIGEST'],
            all.map((c) => [c.sequence, c.sealedAt, c.headPosition, c.eventCount, c.streamCount, c.digest]),
            64,
          ),
        ),
      );
    });

  checkpoint
    .command('show')
    .description('one checkpoint in full, printable (default: the latest)')
    .argument('[sequence]', 'its number')
    .option('--with-heads', 'include every stream head (what `verify --against <file>` takes)')
    .option('--json', 'print it as JSON')
    .action(async (sequence: string | undefined, options: { withHeads?: boolean; json?: boolean }) => {
      const checkpoints = await ctx.ledger.checkpoints();
      if (sequence !== undefined && !/^[1-9]\d*$/.test(sequence))
        throw new UsageError(`the checkpoint number must be a positive integer, got "${sequence}"`);
      const found = sequence === undefined ? await checkpoints.latest() : await checkpoints.bySequence(Number(sequence));
      if (!found) {
        ctx.io.err(
          sequence === undefined ? 'No checkpoint yet: seal one with `channel-ledger checkpoint seal`.\n' : `No checkpoint #${sequence}.\n`,
        );
        ctx.exitCode = 1;
        return;
      }
      const heads = options.withHeads ? (await checkpoints.heads(found.sequence)).map(headToJson) : undefined;
      answer(ctx, options.json, heads ? { checkpoint: found, heads } : found, () => {
        ctx.io.out(`${printable(found)}\n`);
        if (heads)
          ctx.io.out(
            `\n${table(
              ['STREAM', 'REVISION', 'POSITION', 'HASH'],
              heads.map((h) => [h.streamId, h.revision, h.position, h.hash]),
              64,
            )}`,
          );
      });
    });

  checkpoint
    .command('key')
    .description('the public key checkpoints are signed with, and its id: give it to auditors')
    .option('--json', 'print it as JSON')
    .action((options: { json?: boolean }) => {
      const key = ctx.ledger.trustedKey();
      if (!key) throw new UsageError('no ledger secret on this machine (CHANNEL_LEDGER_SECRET, or secret.key beside the SQLite file)');
      const value = { keyId: keyIdOf(key), publicKey: exportPublicKey(key) };
      answer(ctx, options.json, value, () => ctx.io.out(`key id     ${value.keyId}\npublic key ${value.publicKey}\n`));
    });
}
