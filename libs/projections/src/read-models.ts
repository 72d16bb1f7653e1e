import { auditTrailProjection } from './audit-trail';
import { customerViewProjection } from './customer-view';
import { identityProjection } from './identity';
import { Projection } from './engine/projection';
import { reportingProjection } from './reporting';
import { resellerViewProjection } from './reseller-view';

/** Every read model the product serves: the API (embedded) and apps/projector run this list. */
export const readModelProjections: readonly Projection[] = [
  resellerViewProjection,
  customerViewProjection,
  auditTrailProjection,
  reportingProjection,
  identityProjection,
];
