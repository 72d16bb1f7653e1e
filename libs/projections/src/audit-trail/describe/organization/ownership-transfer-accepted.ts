import type { Describer } from '../context';

export const describeOwnershipTransferAccepted: Describer<'OwnershipTransferAccepted'> = (d, context) =>
  `Ownership accepted by ${d.newOwnerEmail}, taking over from ${context.resellerName(d.previousOwnerResellerId)}`;
