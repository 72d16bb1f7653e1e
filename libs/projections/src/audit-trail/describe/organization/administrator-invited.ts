import type { Describer } from '../context';
import { actorLabel } from '../format';

export const describeAdministratorInvited: Describer<'AdministratorInvited'> = (d, context) =>
  `${d.email} invited as administrator by ${actorLabel(d.invitedBy, context)}`;
