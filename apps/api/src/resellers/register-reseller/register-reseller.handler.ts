import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, registerReseller, Secrets } from '@channel-ledger/application';
import { RegisterResellerCommand, ResellerRegistration } from './register-reseller.command';

@CommandHandler(RegisterResellerCommand)
export class RegisterResellerHandler implements ICommandHandler<RegisterResellerCommand, ResellerRegistration> {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly secrets: Secrets,
  ) {}

  async execute({ input, envelope }: RegisterResellerCommand): Promise<ResellerRegistration> {
    const { resellerId, state } = await registerReseller(this.ctx, this.secrets, envelope, input);
    return { resellerId, status: state.status === 'verified' ? 'verified' : 'pending-verification' };
  }
}
