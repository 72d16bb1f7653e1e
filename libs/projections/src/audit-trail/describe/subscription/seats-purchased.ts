import type { Describer } from '../context';
import { day, money, prorationOf } from '../format';

/** "Seats added: 10 → 15, prorated 152 of 365 days, USD 1234.50" (the price comes with the invoice). */
export const describeSeatsPurchased: Describer<'SeatsPurchased'> = (d, context) => {
  const head = `Seats added: ${d.seatsBefore} → ${d.seatsAfter}`;
  const invoice = context.invoice;
  if (!invoice) return `${head}, effective ${day(d.effectiveAt)}`;
  const proration = prorationOf(invoice.lines);
  return `${head}${proration ? `, ${proration}` : ''}, ${money(invoice.currency, invoice.total)}`;
};
