import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { hashVerificationToken } from '../verification-token';
import { ResellerVerification, VerifyResellerEmailCommand } from './verify-reseller-email.command';

@CommandHandler(VerifyResellerEmailCommand)
export class VerifyResellerEmailHandler implements ICommandHandler<VerifyResellerEmailCommand, ResellerVerification> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ resellerId, token, envelope }: VerifyResellerEmailCommand): Promise<ResellerVerification> {
    await this.pipeline.execute({
      streamId: resellerStream(resellerId),
      decider: resellerDecider,
      envelope,
      command: {
        type: 'VerifyResellerEmail',
        resellerId,
        verificationTokenHash: hashVerificationToken(token),
        now: envelope.occurredAt,
        actor: envelope.actor,
      },
    });
    return { resellerId, status: 'verified' };
  }
}
