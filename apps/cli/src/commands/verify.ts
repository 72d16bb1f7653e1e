import { existsSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { Command } from 'commander';
import { verifyLedger } from '@channel-ledger/application';
import {
  checkpointOnly,
  Finding,
  headFromJson,
  importPublicKey,
  keyIdOf,
  LogVerification,
  SignedCheckpoint,
  StreamHead,
  StreamHeadJson,
} from '@channel-ledger/event-store';
import { answer, CommandContext } from '../context';
import { verifyExport } from '../export/verify-export';
import { EXIT, UsageError } from '../io';
import { progress } from '../output/progress';
import { printVerification } from '../output/verification';

interface VerifyOptions {
  file?: string;
  against?: string;
  publicKey?: string;
  recompute: boolean;
  json?: boolean;
}

export function registerVerify(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description('check every hash chain, every recomputable amount, and the log against the last signed checkpoint (or one you kept)')
    .option('--file <export>', 'verify a JSONL export offline, without any store')
    .option('--against <checkpoint>', 'a checkpoint you kept: a JSON file (checkpoint show --json --with-heads) or its digest')
    .option('--public-key <key>', "the ledger's checkpoint key (base64 SPKI, or a file holding it), as printed by `checkpoint key`")
    .option('--no-recompute', 'skip recomputing prorations and invoice totals')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit status: 0 when everything verifies, 1 when something is named, 2 for bad arguments.')
    .action(async (options: VerifyOptions) => {
      const publicKey = options.publicKey ? readKey(options.publicKey) : null;
      const result = options.file ? await verifyFile(ctx, options, publicKey) : await verifyStore(ctx, options, publicKey);
      ctx.exitCode = result.ok ? EXIT.ok : EXIT.findings;
    });
}

async function verifyFile(ctx: CommandContext, options: VerifyOptions, publicKey: KeyObject | null): Promise<LogVerification> {
  if (options.against) throw new UsageError('--against is for the store; an export carries its own checkpoint');
  if (!existsSync(options.file!)) throw new UsageError(`no such file: ${options.file}`);
  const result = await verifyExport(options.file!, { publicKey, recompute: options.recompute });
  answer(ctx, options.json, result, () => printVerification(ctx.io.out, result, `export ${options.file}`, [result.keyNote]));
  return result;
}

async function verifyStore(ctx: CommandContext, options: VerifyOptions, publicKey: KeyObject | null): Promise<LogVerification> {
  const store = await ctx.ledger.eventStore();
  const checkpoints = await ctx.ledger.checkpoints();
  const key = publicKey ?? ctx.ledger.trustedKey();
  const kept = options.against ? await keptCheckpoint(ctx, options.against) : null;
  const bar = progress(ctx.io, 'verifying', await store.headPosition());
  let result: LogVerification;
  try {
    result = await verifyLedger(store, checkpoints, {
      checkpoint: kept?.checkpoint,
      heads: kept?.heads,
      publicKey: key,
      recompute: options.recompute,
      onProgress: (done, position) => bar.update(done, position),
    });
  } finally {
    bar.stop();
  }
  if (kept) for (const finding of kept.findings) result = withFinding(result, finding);
  const notes = [
    key
      ? `Checkpoint signatures checked against key ${keyIdOf(key)}.`
      : 'No key on this machine: checkpoint signatures not checked (pass --public-key).',
  ];
  answer(ctx, options.json, result, () => printVerification(ctx.io.out, result, 'the ledger', notes));
  return result;
}

interface KeptCheckpoint {
  checkpoint: SignedCheckpoint;
  heads?: StreamHead[];
  findings: Finding[];
}

/** The auditor's own copy wins over the store's; any difference between the two is a finding. */
async function keptCheckpoint(ctx: CommandContext, against: string): Promise<KeptCheckpoint> {
  const checkpoints = await ctx.ledger.checkpoints();
  const stored = await checkpoints.list();
  if (!existsSync(against)) {
    if (!/^[0-9a-f]{8,64}$/.test(against)) throw new UsageError(`--against must be a checkpoint file or a digest (hex), got "${against}"`);
    const match = stored.find((c) => c.digest.startsWith(against));
    if (!match) {
      throw new UsageError(
        `no checkpoint with digest ${against} in the store (it holds ${stored.length}); keep the checkpoint file, not only its digest`,
      );
    }
    return { checkpoint: match, findings: [] };
  }
  const parsed = JSON.parse(readFileSync(against, 'utf8')) as {
    checkpoint?: SignedCheckpoint;
    heads?: StreamHeadJson[];
  } & SignedCheckpoint;
  const checkpoint = checkpointOnly(parsed.checkpoint ?? parsed);
  const findings: Finding[] = [];
  const inStore = stored.find((c) => c.sequence === checkpoint.sequence);
  const at = { streamId: null, revision: null, eventId: null, position: null };
  if (!inStore)
    findings.push({
      kind: 'checkpoint',
      ...at,
      reason: `checkpoint #${checkpoint.sequence} you kept is no longer in the store: the checkpoints were cut`,
    });
  else if (inStore.digest !== checkpoint.digest)
    findings.push({
      kind: 'checkpoint',
      ...at,
      reason: `the store's checkpoint #${checkpoint.sequence} is not the one you kept (digest ${inStore.digest} instead of ${checkpoint.digest})`,
    });
  const heads = parsed.heads?.map(headFromJson) ?? (inStore ? await checkpoints.heads(checkpoint.sequence) : []);
  return { checkpoint, heads, findings };
}

function withFinding(result: LogVerification, finding: Finding): LogVerification {
  return { ...result, findings: [finding, ...result.findings], ok: false };
}

function readKey(value: string): KeyObject {
  const text = existsSync(value) ? readFileSync(value, 'utf8') : value;
  try {
    return importPublicKey(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  } catch {
    throw new UsageError('--public-key must be the base64 SPKI key printed by `channel-ledger checkpoint key`, or a file holding it');
  }
}
