import type { Describer } from '../context';
import { actorLabel } from '../format';

export const describeContactChangeRejected: Describer<'ContactChangeRejected'> = (d, context) =>
  `Contact change request ${d.requestId} rejected by ${actorLabel(d.rejectedBy, context)}: ${d.reason}`;
