import type { Describer } from '../context';
import { actorLabel, day } from '../format';

export const describeSubscriptionCancelled: Describer<'SubscriptionCancelled'> = (d, context) =>
  `Cancelled by ${actorLabel(context.actor, context)}, usable until ${day(d.effectiveAt)}` + (d.reason ? `: ${d.reason}` : '');
