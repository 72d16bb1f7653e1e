import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, verifyResellerEmail } from '@channel-ledger/application';
import { ResellerVerification, VerifyResellerEmailCommand } from './verify-reseller-email.command';

@CommandHandler(VerifyResellerEmailCommand)
export class VerifyResellerEmailHandler implements ICommandHandler<VerifyResellerEmailCommand, ResellerVerification> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ resellerId, token, envelope }: VerifyResellerEmailCommand): Promise<ResellerVerification> {
    await verifyResellerEmail(this.ctx, envelope, { resellerId, token });
    return { resellerId, status: 'verified' };
  }
}
