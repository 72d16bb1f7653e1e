import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerOrganization, openOwnershipOffersTo } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { ListOwnershipOffersQuery, OwnershipOffer, OwnershipOffers } from './list-ownership-offers.query';

@QueryHandler(ListOwnershipOffersQuery)
export class ListOwnershipOffersHandler implements IQueryHandler<ListOwnershipOffersQuery, OwnershipOffers> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ email, page }: ListOwnershipOffersQuery): Promise<OwnershipOffers> {
    // Rule 3 at read time: an offer past its expiry is not listed, whether or not a sweep recorded it.
    const offers = await openOwnershipOffersTo(this.readStore, email, this.clock.now().toISOString(), page);
    const items = await Promise.all(
      offers.items.map(async (offer): Promise<OwnershipOffer | null> => {
        const organization = await customerOrganization(this.readStore, offer.organizationId);
        if (!organization) return null;
        return {
          transferId: offer.transferId,
          organizationId: offer.organizationId,
          organizationName: organization.name,
          offeredBy: { resellerId: organization.managingReseller.resellerId, companyName: organization.managingReseller.companyName },
          initiatedAt: offer.initiatedAt,
          expiresAt: offer.expiresAt,
          links: { accept: `/organizations/${offer.organizationId}/ownership-transfers/${offer.transferId}/acceptance` },
        };
      }),
    );
    return { items: items.filter((i): i is OwnershipOffer => i !== null), nextCursor: offers.nextCursor };
  }
}
