import { Decider } from '../shared/decider';
import { LicenseCommand } from './commands';
import { decideLicense } from './decide';
import { LicenseEvent } from './events';
import { evolveLicense, initialLicenseState, LicenseState } from './state';

export const licenseDecider: Decider<LicenseCommand, LicenseEvent, LicenseState> = {
  initialState: initialLicenseState,
  decide: decideLicense,
  evolve: evolveLicense,
};

export const licenseStream = (licenseId: string): string => `license-${licenseId}`;
