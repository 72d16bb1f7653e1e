import { mailOutboxProjection, Projection, readModelProjections } from '@channel-ledger/projections';

/**
 * Every projection the projector runs: the same read models the API serves, plus the mail outbox
 * (the API's mail sender reads it from the shared read store).
 */
export const projections: Projection[] = [...readModelProjections, mailOutboxProjection];
