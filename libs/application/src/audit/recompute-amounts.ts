import { auditLine, CurrencyCode, InvoiceIssued, invoiceTotal, ProratedLine } from '@channel-ledger/domain';
import { Finding, RecordedEvent } from '@channel-ledger/event-store';

/**
 * The auditor's recomputation: every amount that was derived from inputs stored beside it is
 * derived again (DESIGN.md §4: each line from unit price, seats and day counts; the total as the
 * plain sum of the rounded lines). A chain re-sealed by an insider proves nothing about whether
 * the numbers it seals add up; this does.
 */
export function recomputeAmounts(event: RecordedEvent): Finding[] {
  if (event.type !== 'InvoiceIssued') return [];
  const data = event.data as unknown as InvoiceIssued['data'];
  const at = {
    kind: 'amount' as const,
    streamId: event.streamId,
    revision: event.revision.toString(),
    eventId: event.eventId,
    position: event.position.toString(),
  };
  const invoice = `invoice ${data.invoiceNumber ?? data.invoiceId}`;
  const findings: Finding[] = [];
  const lines = Array.isArray(data.lines) ? data.lines : [];
  lines.forEach((line, index) => {
    let problems: string[];
    try {
      problems = auditLine(line as ProratedLine);
    } catch (error) {
      problems = [`its inputs cannot be recomputed (${error instanceof Error ? error.message : String(error)})`];
    }
    for (const problem of problems) findings.push({ ...at, reason: `${invoice}, line ${index + 1}: ${problem}` });
  });
  try {
    const total = invoiceTotal(lines, data.currency as CurrencyCode);
    if (total !== data.total) findings.push({ ...at, reason: `${invoice}: total is ${data.total}, its lines add up to ${total}` });
  } catch (error) {
    findings.push({
      ...at,
      reason: `${invoice}: the total cannot be recomputed (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  return findings;
}
