import { Decider } from '../shared/decider';
import { IssuanceRightCommand } from './commands';
import { decideIssuanceRight } from './decide';
import { IssuanceRightEvent } from './events';
import { evolveIssuanceRight, initialIssuanceRightState, IssuanceRightState } from './state';

export const issuanceRightDecider: Decider<IssuanceRightCommand, IssuanceRightEvent, IssuanceRightState> = {
  initialState: initialIssuanceRightState,
  decide: decideIssuanceRight,
  evolve: evolveIssuanceRight,
};

export const issuanceRightStream = (rightId: string): string => `issuance-right-${rightId}`;
