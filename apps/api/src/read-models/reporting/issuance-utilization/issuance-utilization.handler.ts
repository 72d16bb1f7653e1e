import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { issuanceUtilization, UtilizationReport } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { requireReadable } from '../../../access/tenancy';
import { CLOCK, Clock } from '../../../infrastructure/clock';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { IssuanceUtilizationQuery } from './issuance-utilization.query';

/** How much of the vendor's issuance rights is used, remaining, blocked or expired, per reseller and in total. */
@QueryHandler(IssuanceUtilizationQuery)
export class IssuanceUtilizationHandler implements IQueryHandler<IssuanceUtilizationQuery, UtilizationReport> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ vendorId, viewer }: IssuanceUtilizationQuery): Promise<UtilizationReport> {
    requireReadable(viewer, 'vendor-admin', vendorId, 'vendor');
    return issuanceUtilization(this.readStore, { vendorId, now: this.clock.now() });
  }
}
