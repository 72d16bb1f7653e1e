import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@channel-ledger/application';
import { AccessTokens } from '../access-tokens';
import { RefreshSessionDto, StartSessionDto } from './sign-in.dto';

export type SessionTokens = ReturnType<AccessTokens['issue']>;

export class RequestSignInLinkCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class StartSessionCommand extends Command<SessionTokens> {
  constructor(
    readonly input: StartSessionDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class RefreshSessionCommand extends Command<SessionTokens> {
  constructor(
    readonly input: RefreshSessionDto,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class EndSessionCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
