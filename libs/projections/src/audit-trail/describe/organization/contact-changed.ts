import type { Describer } from '../context';
import { actorLabel, capitalize } from '../format';

export const describeContactChanged: Describer<'ContactChanged'> = (d, context) =>
  `${capitalize(d.role)} contact changed from ${d.previousContact?.email ?? 'none'} to ${d.contact.email} ` +
  `by ${actorLabel(d.changedBy, context)}${d.requestId ? ` (approving request ${d.requestId})` : ''}`;
