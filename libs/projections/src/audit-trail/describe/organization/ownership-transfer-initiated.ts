import type { Describer } from '../context';
import { day } from '../format';

/** "Ownership transfer to it@globex.example initiated, expires 2026-03-08" (rule 3: 7 days). */
export const describeOwnershipTransferInitiated: Describer<'OwnershipTransferInitiated'> = (d) =>
  `Ownership transfer to ${d.toEmail} initiated, expires ${day(d.expiresAt)}`;
