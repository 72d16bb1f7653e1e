import type { Describer } from '../context';
import { day } from '../format';

export const describeInvoiceOwnerChanged: Describer<'InvoiceOwnerChanged'> = (d) =>
  `Invoice owner changed from ${d.from.name} (${d.fromChannel}) to ${d.to.name} (${d.toChannel}) ` +
  `effective ${day(d.effectiveAt)}: ${d.reason}`;
