import { Decider } from '../shared/decider';
import { ResellerCommand } from './commands';
import { decideReseller } from './decide';
import { ResellerEvent } from './events';
import { evolveReseller, initialResellerState, ResellerState } from './state';

export const resellerDecider: Decider<ResellerCommand, ResellerEvent, ResellerState> = {
  initialState: initialResellerState,
  decide: decideReseller,
  evolve: evolveReseller,
};

export const resellerStream = (resellerId: string): string => `reseller-${resellerId}`;
