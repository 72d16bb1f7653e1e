import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, LedgerContext, requestContactChange } from '@channel-ledger/application';
import { organizationCommandResult } from '../organization-command-result';
import { ContactChangeRequestReceipt, RequestContactChangeCommand } from './request-contact-change.command';

@CommandHandler(RequestContactChangeCommand)
export class RequestContactChangeHandler implements ICommandHandler<RequestContactChangeCommand, ContactChangeRequestReceipt> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ organizationId, input, envelope }: RequestContactChangeCommand): Promise<ContactChangeRequestReceipt> {
    const requestId = derivedId(`contact-change-request|${envelope.commandId}`);
    const outcome = await requestContactChange(this.ctx, envelope, {
      organizationId,
      requestId,
      role: input.role,
      contact: { name: input.contact.name ?? null, email: input.contact.email },
      invoice: input.invoice ? { subscriptionId: input.invoice.subscriptionId, invoiceId: input.invoice.invoiceId } : null,
    });
    return { ...(await organizationCommandResult(this.ctx, organizationId, envelope, outcome)), requestId };
  }
}
