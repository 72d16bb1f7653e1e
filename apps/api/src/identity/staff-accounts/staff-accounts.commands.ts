import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { StaffAccountDto } from './staff-accounts.dto';

export class ChangeStaffAccountCommand extends Command<{ commandId: string }> {
  constructor(
    readonly change: 'grant' | 'revoke',
    readonly input: StaffAccountDto,
    readonly vendorId: string | null,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
