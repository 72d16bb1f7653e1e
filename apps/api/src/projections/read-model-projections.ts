import { Projection } from '@channel-ledger/projections';

/** Every read model the product serves; the projector process runs the same list. */
export const readModelProjections: Projection[] = [];
