import type { Describer } from '../context';

/** Rule 9: the evidence invoice is part of the story. */
export const describeContactChangeRequested: Describer<'ContactChangeRequested'> = (d, context) =>
  `${context.resellerName(d.requestedByResellerId)} asked to change the ${d.role} contact to ${d.contact.email}, ` +
  `with invoice ${d.invoice.invoiceId} of subscription ${d.invoice.subscriptionId} as evidence`;
