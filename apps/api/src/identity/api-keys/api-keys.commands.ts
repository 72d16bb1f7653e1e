import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { Principal } from '../../access/principal';
import { CreateApiKeyDto } from './api-keys.dto';

export interface CreatedApiKey {
  keyId: string;
  /** Shown once: only its hash is kept. */
  apiKey: string;
  name: string;
  role: string;
  tenantId: string | null;
  readOnly: boolean;
  commandId: string;
}

export class CreateApiKeyCommand extends Command<CreatedApiKey> {
  constructor(
    readonly principal: Principal,
    readonly input: CreateApiKeyDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class RevokeApiKeyCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly keyId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
