import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeStaffAccount, LedgerContext } from '@channel-ledger/application';
import { ChangeStaffAccountCommand } from './staff-accounts.commands';

@CommandHandler(ChangeStaffAccountCommand)
export class ChangeStaffAccountHandler implements ICommandHandler<ChangeStaffAccountCommand, { commandId: string }> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ change, input, vendorId, envelope }: ChangeStaffAccountCommand): Promise<{ commandId: string }> {
    await changeStaffAccount(this.ctx, envelope, { change, email: input.email, role: input.role, vendorId });
    return { commandId: envelope.commandId };
  }
}
