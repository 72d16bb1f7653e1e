import type { Describer } from '../context';

export const describeAdministratorInvitationAccepted: Describer<'AdministratorInvitationAccepted'> = (d) =>
  `${d.email} accepted the administrator invitation`;
