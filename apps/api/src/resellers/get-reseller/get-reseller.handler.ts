import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { loadState } from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { EventStore } from '@channel-ledger/event-store';
import { notVisible } from '../../http/not-visible';
import { mayRead } from '../../access/tenancy';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { GetResellerQuery, ResellerProfile } from './get-reseller.query';

@QueryHandler(GetResellerQuery)
export class GetResellerHandler implements IQueryHandler<GetResellerQuery, ResellerProfile> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ resellerId, viewer }: GetResellerQuery): Promise<ResellerProfile> {
    const state = mayRead(viewer, 'reseller', resellerId) ? await loadState(this.store, resellerStream(resellerId), resellerDecider) : null;
    // Someone else's reseller is answered exactly like a missing one.
    if (!state || state.status === 'unregistered') {
      throw notVisible('reseller', resellerId);
    }
    return {
      resellerId: state.resellerId,
      companyName: state.companyName,
      email: state.email,
      partnerKind: state.partnerKind,
      status: state.status === 'verified' ? 'verified' : 'pending-verification',
      paymentMethods: state.status === 'verified' ? state.paymentMethods.map((m) => ({ ...m })) : [],
      defaultPaymentMethodId: state.status === 'verified' ? state.defaultPaymentMethodId : null,
    };
  }
}
