import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, publishPlan } from '@channel-ledger/application';
import { CatalogCommandResult, catalogCommandResult } from '../catalog-command-result';
import { PublishPlanCommand } from './publish-plan.command';

@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand, CatalogCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, input, envelope }: PublishPlanCommand): Promise<CatalogCommandResult> {
    const prices = Object.fromEntries(Object.entries(input.prices).filter(([, price]) => price !== undefined));
    const outcome = await publishPlan(this.ctx, envelope, { ...input, vendorId, prices });
    return catalogCommandResult(this.ctx, vendorId, input.planId, envelope, outcome);
  }
}
