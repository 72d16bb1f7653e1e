import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, derivedId } from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { MAILER, Mailer } from '../../infrastructure/mailer';
import { newVerificationToken } from '../verification-token';
import { RegisterResellerCommand, ResellerRegistration } from './register-reseller.command';

@CommandHandler(RegisterResellerCommand)
export class RegisterResellerHandler implements ICommandHandler<RegisterResellerCommand, ResellerRegistration> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async execute({ input, envelope }: RegisterResellerCommand): Promise<ResellerRegistration> {
    // Derived from the command id: a retried registration lands on the same reseller.
    const resellerId = derivedId(`reseller|${envelope.commandId}`);
    const verification = newVerificationToken();
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
        verificationTokenHash: verification.hash,
        now: envelope.occurredAt,
        actor: { kind: 'reseller', id: resellerId },
      },
    });
    if (outcome.appended) {
      await this.mailer.send({
        to: input.email,
        subject: 'Verify your reseller e-mail address',
        text: `Confirm ${input.email} for ${input.companyName}: POST /resellers/${resellerId}/email-verification with {"token":"${verification.token}"}`,
      });
    }
    return { resellerId, status: outcome.state.status === 'verified' ? 'verified' : 'pending-verification' };
  }
}
