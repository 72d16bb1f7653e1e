import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerContext, retirePlan } from '@channel-ledger/application';
import { CatalogCommandResult, catalogCommandResult } from '../catalog-command-result';
import { RetirePlanCommand } from './retire-plan.command';

@CommandHandler(RetirePlanCommand)
export class RetirePlanHandler implements ICommandHandler<RetirePlanCommand, CatalogCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, planId, envelope }: RetirePlanCommand): Promise<CatalogCommandResult> {
    const outcome = await retirePlan(this.ctx, envelope, { vendorId, planId });
    return catalogCommandResult(this.ctx, vendorId, planId, envelope, outcome);
  }
}
