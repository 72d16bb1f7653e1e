import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { RegisterResellerDto } from './register-reseller.dto';

export interface ResellerRegistration {
  resellerId: string;
  status: 'pending-verification' | 'verified';
}

export class RegisterResellerCommand extends Command<ResellerRegistration> {
  constructor(
    readonly input: RegisterResellerDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
