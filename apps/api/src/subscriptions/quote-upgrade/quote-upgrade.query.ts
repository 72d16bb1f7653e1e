import { Query } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { UpgradeQuote } from '@channel-ledger/domain';
import { QuoteUpgradeDto } from './quote-upgrade.dto';

/** Carries an envelope only for who asks and when; a quote is never recorded. */
export class QuoteUpgradeQuery extends Query<UpgradeQuote> {
  constructor(
    readonly subscriptionId: string,
    readonly input: QuoteUpgradeDto,
    readonly asked: CommandEnvelope,
  ) {
    super();
  }
}
