import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { derivedId, grantIssuanceRight, LedgerContext } from '@channel-ledger/application';
import { IssuanceRightCommandResult, issuanceRightCommandResult } from '../issuance-right-command-result';
import { GrantIssuanceRightCommand } from './grant-issuance-right.command';

@CommandHandler(GrantIssuanceRightCommand)
export class GrantIssuanceRightHandler implements ICommandHandler<GrantIssuanceRightCommand, IssuanceRightCommandResult> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ vendorId, input, envelope }: GrantIssuanceRightCommand): Promise<IssuanceRightCommandResult> {
    // Derived from the command id: a retry with the same Idempotency-Key lands on the same right.
    const rightId = derivedId(`issuance-right|${envelope.commandId}`);
    const outcome = await grantIssuanceRight(this.ctx, envelope, { ...input, nfr: input.nfr ?? false, vendorId, rightId });
    return issuanceRightCommandResult(this.ctx, rightId, envelope, outcome);
  }
}
