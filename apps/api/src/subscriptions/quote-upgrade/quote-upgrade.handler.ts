import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerContext, quoteSubscriptionUpgrade } from '@channel-ledger/application';
import { UpgradeQuote } from '@channel-ledger/domain';
import { QuoteUpgradeQuery } from './quote-upgrade.query';

@QueryHandler(QuoteUpgradeQuery)
export class QuoteUpgradeHandler implements IQueryHandler<QuoteUpgradeQuery, UpgradeQuote> {
  constructor(private readonly ledger: LedgerContext) {}

  execute({ subscriptionId, input, asked }: QuoteUpgradeQuery): Promise<UpgradeQuote> {
    return quoteSubscriptionUpgrade(this.ledger, asked, { subscriptionId, ...input });
  }
}
