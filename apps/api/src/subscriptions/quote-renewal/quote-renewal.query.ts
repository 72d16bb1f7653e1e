import { Query } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { RenewalQuote } from '@channel-ledger/domain';
import { QuoteRenewalDto } from './quote-renewal.dto';

/** Carries an envelope only for who asks and when; a quote is never recorded. */
export class QuoteRenewalQuery extends Query<RenewalQuote> {
  constructor(
    readonly subscriptionId: string,
    readonly input: QuoteRenewalDto,
    readonly asked: CommandEnvelope,
  ) {
    super();
  }
}
