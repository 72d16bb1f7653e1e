import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, derivedId } from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { notVisible } from '../../http/not-visible';
import { AddPaymentMethodCommand } from './add-payment-method.command';

@CommandHandler(AddPaymentMethodCommand)
export class AddPaymentMethodHandler implements ICommandHandler<AddPaymentMethodCommand, { paymentMethodId: string }> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ resellerId, input, envelope }: AddPaymentMethodCommand): Promise<{ paymentMethodId: string }> {
    const { actor } = envelope;
    if (actor.kind !== 'reseller' || actor.id !== resellerId) {
      throw notVisible('reseller', resellerId);
    }
    const paymentMethodId = derivedId(`payment-method|${envelope.commandId}`);
    const base = { resellerId, now: envelope.occurredAt, actor };
    await this.pipeline.execute({
      streamId: resellerStream(resellerId),
      decider: resellerDecider,
      envelope,
      command: { ...base, type: 'AddPaymentMethod', paymentMethodId, kind: input.kind, label: input.label },
    });
    if (input.makeDefault) {
      // A second command of its own, derived from the first, so a retry stays idempotent.
      const defaultCommandId = derivedId(`default|${envelope.commandId}`);
      await this.pipeline.execute({
        streamId: resellerStream(resellerId),
        decider: resellerDecider,
        envelope: { ...envelope, commandId: defaultCommandId, causationId: envelope.commandId },
        command: { ...base, type: 'SetDefaultPaymentMethod', paymentMethodId },
      });
    }
    return { paymentMethodId };
  }
}
