import { Projection, readModelProjections } from '@channel-ledger/projections';

/** Every projection the projector runs: the same read models the API serves. */
export const projections: Projection[] = [...readModelProjections];
