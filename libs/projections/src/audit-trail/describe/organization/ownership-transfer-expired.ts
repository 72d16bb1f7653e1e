import type { Describer } from '../context';
import { day } from '../format';

/** Dated by when it lapsed, not by when a sweep noticed. */
export const describeOwnershipTransferExpired: Describer<'OwnershipTransferExpired'> = (d) =>
  `Ownership transfer to ${d.toEmail} expired on ${day(d.expiresAt)} without being accepted`;
