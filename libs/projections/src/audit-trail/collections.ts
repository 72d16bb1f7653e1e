import type { ProjectionCollection } from '../engine/projection';

/**
 * Collections of the `audit-trail` projection, by logical name. Every query the read helpers make
 * is served by one of these indexes (equality fields first, then the range/sort field).
 */
export const AUDIT_ENTRIES = 'audit_entries';
export const INVOICE_OWNER_INTERVALS = 'invoice_owner_intervals';
/** Facts remembered from earlier events (names, which organization a subscription belongs to). */
export const AUDIT_SUBJECTS = 'audit_subjects';

export const AUDIT_TRAIL_COLLECTIONS: ProjectionCollection[] = [
  {
    name: AUDIT_ENTRIES,
    indexes: [
      { fields: ['subscriptionId', 'positionKey'] },
      { fields: ['organizationId', 'positionKey'] },
      // "everything one command caused", across streams
      { fields: ['correlationId', 'positionKey'] },
      // A subject's events within a business-time window (occurredAt), log order among equal instants.
      { fields: ['subscriptionId', 'occurredAt', 'positionKey'] },
      { fields: ['organizationId', 'occurredAt', 'positionKey'] },
    ],
  },
  {
    name: INVOICE_OWNER_INTERVALS,
    indexes: [{ fields: ['subscriptionId', 'validFrom'] }, { fields: ['organizationId', 'validFrom'] }],
  },
  // Looked up by id only.
  { name: AUDIT_SUBJECTS, indexes: [] },
];
