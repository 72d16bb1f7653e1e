import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { CatalogCommandResult } from '../catalog-command-result';
import { ChangePlanPriceDto } from './change-plan-price.dto';

export class ChangePlanPriceCommand extends Command<CatalogCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly planId: string,
    readonly input: ChangePlanPriceDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
