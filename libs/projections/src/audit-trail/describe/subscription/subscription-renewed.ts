import type { Describer } from '../context';
import { day, money, planSeats } from '../format';

/** "Renewed 10 GitLens Pro seats for 2027-01-31 to 2028-01-31 at USD 96.00 per seat" */
export const describeSubscriptionRenewed: Describer<'SubscriptionRenewed'> = (d) =>
  `Renewed ${planSeats(d.seats, d.plan)} for ${day(d.periodStart)} to ${day(d.periodEnd)} at ${money(d.currency, d.unitPrice)} per seat`;
