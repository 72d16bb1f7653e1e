import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { CatalogCommandResult } from '../catalog-command-result';

export class RetirePlanCommand extends Command<CatalogCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly planId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
