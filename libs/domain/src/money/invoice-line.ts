import { sumAmounts } from './amount';
import { CurrencyCode } from './currency';
import { ProratedLine } from './proration';

export type InvoiceLineKind = 'subscription' | 'renewal' | 'added-seats' | 'plan-change-credit' | 'plan-change-charge';

/** An invoice line is a prorated line plus the words a person reads on the invoice. */
export interface InvoiceLine extends ProratedLine {
  readonly kind: InvoiceLineKind;
  readonly description: string;
}

/** Lines are already rounded; the total is their plain sum, never rounded again. */
export function invoiceTotal(lines: readonly Pick<InvoiceLine, 'amount'>[], currency: CurrencyCode): string {
  return sumAmounts(
    lines.map((line) => line.amount),
    currency,
  );
}
