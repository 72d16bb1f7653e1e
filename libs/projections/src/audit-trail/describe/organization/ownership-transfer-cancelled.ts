import type { Describer } from '../context';

export const describeOwnershipTransferCancelled: Describer<'OwnershipTransferCancelled'> = (d, context) =>
  `Ownership transfer to ${d.toEmail} cancelled by ${context.resellerName(d.cancelledByResellerId)}`;
