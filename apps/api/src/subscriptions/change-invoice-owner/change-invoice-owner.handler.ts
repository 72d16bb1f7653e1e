import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeInvoiceOwner, LedgerContext, NewInvoiceOwner } from '@channel-ledger/application';
import { revisionOf, SubscriptionCommandAnswer } from '../command-answer';
import { ChangeInvoiceOwnerCommand } from './change-invoice-owner.command';

@CommandHandler(ChangeInvoiceOwnerCommand)
export class ChangeInvoiceOwnerHandler implements ICommandHandler<ChangeInvoiceOwnerCommand, SubscriptionCommandAnswer> {
  constructor(private readonly ledger: LedgerContext) {}

  async execute({ subscriptionId, input, envelope }: ChangeInvoiceOwnerCommand): Promise<SubscriptionCommandAnswer> {
    // The DTO guarantees the field that goes with the kind.
    const newOwner: NewInvoiceOwner =
      input.newOwner.kind === 'reseller'
        ? { kind: 'reseller', resellerId: input.newOwner.resellerId! }
        : { kind: 'organization', billingContactEmail: input.newOwner.billingContactEmail! };
    const outcome = await changeInvoiceOwner(this.ledger, envelope, {
      subscriptionId,
      newOwner,
      effectiveAt: input.effectiveAt,
      reason: input.reason,
    });
    return { subscriptionId, commandId: envelope.commandId, revision: revisionOf(outcome.events) };
  }
}
