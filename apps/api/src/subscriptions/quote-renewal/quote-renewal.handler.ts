import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext, quoteSubscriptionRenewal } from '@channel-ledger/application';
import { RenewalQuote } from '@channel-ledger/domain';
import { QuoteRenewalQuery } from './quote-renewal.query';

@QueryHandler(QuoteRenewalQuery)
export class QuoteRenewalHandler implements IQueryHandler<QuoteRenewalQuery, RenewalQuote> {
  constructor(private readonly ledger: LedgerContext) {}

  execute({ subscriptionId, input, asked }: QuoteRenewalQuery): Promise<RenewalQuote> {
    return quoteSubscriptionRenewal(this.ledger, asked, { subscriptionId, ...input });
  }
}
