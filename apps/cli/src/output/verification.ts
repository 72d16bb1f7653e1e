import type { LogVerification } from '@channel-ledger/event-store';
import { count, table } from './table';

/** "Verified …" and, when something is wrong, a table naming each finding. */
export function printVerification(out: (text: string) => void, result: LogVerification, what: string, notes: string[] = []): void {
  out(
    `Verified ${count(result.eventsChecked)} events in ${count(result.streamsChecked)} streams of ${what}${result.lastPosition ? ` (up to position ${result.lastPosition})` : ''}.\n`,
  );
  if (result.checkpoint) {
    out(
      `Held to checkpoint #${result.checkpoint.sequence} (digest ${result.checkpoint.digest}, head position ${result.checkpoint.headPosition ?? 'none'}).\n`,
    );
  } else {
    out('No checkpoint to hold it to: chains and amounts only (seal one with `channel-ledger checkpoint seal`).\n');
  }
  for (const note of notes) out(`${note}\n`);
  if (result.ok) {
    out('OK: nothing altered, missing, reordered or miscalculated.\n');
    return;
  }
  const total = result.findings.length + result.moreFindings;
  out(`\nFAILED: ${total} problem${total === 1 ? '' : 's'}:\n`);
  out(
    table(
      ['KIND', 'STREAM', 'REVISION', 'EVENT ID', 'POSITION', 'WHAT IS WRONG'],
      result.findings.map((f) => [f.kind, f.streamId, f.revision, f.eventId, f.position, f.reason]),
      44,
    ),
  );
  if (result.moreFindings > 0) out(`… and ${result.moreFindings} more (use --json for the first ones in full).\n`);
}
