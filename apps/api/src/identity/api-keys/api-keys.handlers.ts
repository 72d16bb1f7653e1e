import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createApiKey, derivedId, LedgerContext, revokeApiKey } from '@channel-ledger/application';
import { apiHashPlaceholder } from './api-key-placeholder';
import { hashApiKeySecret, newApiKeySecret } from '../api-key-secret';
import { CreateApiKeyCommand, CreatedApiKey, RevokeApiKeyCommand } from './api-keys.commands';

/** A key gets its creator's role and tenant (a key can never do more than the person who made it). */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKey> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ principal, input, envelope }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    const keyId = derivedId(`api-key|${envelope.commandId}`);
    const { apiKey, secret } = newApiKeySecret(keyId);
    const membership = { role: principal.role, tenantId: principal.tenantId };
    const outcome = await createApiKey(this.ctx, envelope, {
      keyId,
      name: input.name,
      membership,
      readOnly: input.readOnly || principal.readOnly,
      secretHash: await hashApiKeySecret(secret),
    });
    // A retried request (same Idempotency-Key) cannot show the secret again: it was shown once.
    return {
      keyId,
      apiKey: outcome.appended ? apiKey : apiHashPlaceholder,
      name: input.name,
      ...membership,
      readOnly: input.readOnly,
      commandId: envelope.commandId,
    };
  }
}

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, void> {
  constructor(private readonly ctx: LedgerContext) {}

  async execute({ principal, keyId, envelope }: RevokeApiKeyCommand): Promise<void> {
    await revokeApiKey(this.ctx, envelope, { keyId, tenant: { role: principal.role, tenantId: principal.tenantId } });
  }
}
