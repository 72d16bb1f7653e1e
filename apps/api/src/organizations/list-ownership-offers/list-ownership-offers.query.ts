import { Query } from '@nestjs/cqrs';
import { PageOptions } from '@channel-ledger/projections';

export interface OwnershipOffer {
  transferId: string;
  organizationId: string;
  organizationName: string;
  /** The reseller that offers it (and stays owner until it is accepted, rule 2). */
  offeredBy: { resellerId: string; companyName: string };
  initiatedAt: string;
  /** Rule 3: it can be accepted until this instant. */
  expiresAt: string;
  links: { accept: string };
}

export interface OwnershipOffers {
  items: OwnershipOffer[];
  nextCursor: string | null;
}

export class ListOwnershipOffersQuery extends Query<OwnershipOffers> {
  constructor(
    /** The signed-in customer's address: only offers sent there are listed. */
    readonly email: string,
    readonly page: PageOptions,
  ) {
    super();
  }
}
