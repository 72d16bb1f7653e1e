import type { Describer } from '../context';
import { day } from '../format';

export const describeSubscriptionExpired: Describer<'SubscriptionExpired'> = (d) =>
  `Expired on ${day(d.expiredAt)} (${d.reason === 'cancelled' ? 'cancelled' : 'not renewed'})`;
