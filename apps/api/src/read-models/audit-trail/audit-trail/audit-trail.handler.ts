import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditPage, AuditPageOptions, auditTrailOfOrganization, auditTrailOfSubscription } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readsEverything } from '../../../access/principal';
import { notVisible } from '../../../http/not-visible';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { listRead } from '../../shared/list-read';
import { instantWindow } from '../../shared/date-window';
import { AuditTrailQuery } from './audit-trail.query';

@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, AuditPage> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ subject, filter, viewer }: AuditTrailQuery): Promise<AuditPage> {
    // The audit trail is support's and auditors' (DESIGN.md §1); for anyone else it does not exist.
    if (!readsEverything(viewer)) throw notVisible(subject.kind, subject.id);
    const window = instantWindow(filter.from, filter.to, { from: 'from', to: 'to' });
    const options: AuditPageOptions = {
      order: filter.order,
      cursor: filter.cursor,
      limit: filter.limit,
      occurredFrom: window.from,
      occurredBefore: window.before,
    };
    const trail = subject.kind === 'subscription' ? auditTrailOfSubscription : auditTrailOfOrganization;
    return listRead(trail(this.readStore, subject.id, options));
  }
}
