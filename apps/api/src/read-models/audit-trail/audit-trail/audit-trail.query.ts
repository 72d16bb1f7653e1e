import { Query } from '@nestjs/cqrs';
import { AuditPage } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';
import { AuditTrailQueryDto } from '../audit-trail.dto';

/** Every event concerning one subscription or one organization (its subscriptions' and licenses' included). */
export class AuditTrailQuery extends Query<AuditPage> {
  constructor(
    readonly subject: { kind: 'subscription' | 'organization'; id: string },
    readonly filter: AuditTrailQueryDto,
    readonly viewer: Principal,
  ) {
    super();
  }
}
