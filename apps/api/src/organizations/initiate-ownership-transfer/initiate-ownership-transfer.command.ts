import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { OrganizationCommandResult } from '../organization-command-result';
import { InitiateOwnershipTransferDto } from './initiate-ownership-transfer.dto';

export type OwnershipTransferInitiation = OrganizationCommandResult & { transferId: string };

export class InitiateOwnershipTransferCommand extends Command<OwnershipTransferInitiation> {
  constructor(
    readonly organizationId: string,
    readonly input: InitiateOwnershipTransferDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
