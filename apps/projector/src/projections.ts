import type { Projection } from '@channel-ledger/projections';

/**
 * Every projection the projector runs, in one place. The concrete read models (reseller view,
 * customer view, audit trail, reporting) are added here as they are written.
 */
export const projections: Projection[] = [];
