import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { CatalogCommandResult } from '../catalog-command-result';
import { PublishPlanDto } from './publish-plan.dto';

export class PublishPlanCommand extends Command<CatalogCommandResult> {
  constructor(
    readonly vendorId: string,
    readonly input: PublishPlanDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
