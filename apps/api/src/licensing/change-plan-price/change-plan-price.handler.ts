import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changePlanPrice, LedgerContext } from '@channel-ledger/application';
import { CatalogCommandResult, catalogCommandResult } from '../catalog-command-result';
import { ChangePlanPriceCommand } from './change-plan-price.command';

@CommandHandler(ChangePlanPriceCommand)
export class ChangePlanPriceHandler implements ICommandHandler<ChangePlanPriceCommand, CatalogCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, planId, input, envelope }: ChangePlanPriceCommand): Promise<CatalogCommandResult> {
    const outcome = await changePlanPrice(this.ctx, envelope, {
      vendorId,
      planId,
      billingPeriod: input.billingPeriod,
      newPrice: input.price,
    });
    return catalogCommandResult(this.ctx, vendorId, planId, envelope, outcome);
  }
}
