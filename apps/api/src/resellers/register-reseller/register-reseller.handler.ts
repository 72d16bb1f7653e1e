import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, derivedId, Secrets, tokenHash } from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { eventIdFor } from '@channel-ledger/event-store';
import { mailedTokenPurpose } from '../../mail/mailed-tokens';
import { RegisterResellerCommand, ResellerRegistration } from './register-reseller.command';

@CommandHandler(RegisterResellerCommand)
export class RegisterResellerHandler implements ICommandHandler<RegisterResellerCommand, ResellerRegistration> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly secrets: Secrets,
  ) {}

  async execute({ input, envelope }: RegisterResellerCommand): Promise<ResellerRegistration> {
    // Derived from the command id: a retried registration lands on the same reseller.
    const resellerId = derivedId(`reseller|${envelope.commandId}`);
    // The token is derived from the id ResellerRegistered will get (the command's first event), so
    // the mail sender (apps/api/src/mail) can recompute it from the event; only its hash is recorded.
    const token = this.secrets.derive(mailedTokenPurpose.resellerVerification(eventIdFor(envelope.commandId, 0)));
    const outcome = await this.pipeline.execute({
      streamId: resellerStream(resellerId),
      decider: resellerDecider,
      envelope: { ...envelope, actor: { kind: 'reseller', id: resellerId } },
      command: {
        type: 'RegisterReseller',
        resellerId,
        companyName: input.companyName,
        email: input.email,
        partnerKind: input.partnerKind,
        verificationTokenHash: tokenHash(token),
        now: envelope.occurredAt,
        actor: { kind: 'reseller', id: resellerId },
      },
    });
    return { resellerId, status: outcome.state.status === 'verified' ? 'verified' : 'pending-verification' };
  }
}
