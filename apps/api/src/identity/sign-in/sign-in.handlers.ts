import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  endSession,
  issueSignInLink,
  LedgerContext,
  recordedPerson,
  refreshSession,
  RuleViolationError,
  Secrets,
  signInLinkEmail,
  startSession,
} from '@channel-ledger/application';
import { Membership, normalizeEmail, violation } from '@channel-ledger/domain';
import { AccessTokens } from '../access-tokens';
import { Directory } from '../directory';
import { EndSessionCommand, RefreshSessionCommand, RequestSignInLinkCommand, SessionTokens, StartSessionCommand } from './sign-in.commands';

/** Answers the same for known and unknown addresses: only a known one gets a link (and a mail). */
@CommandHandler(RequestSignInLinkCommand)
export class RequestSignInLinkHandler implements ICommandHandler<RequestSignInLinkCommand, void> {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly secrets: Secrets,
    private readonly directory: Directory,
  ) {}

  async execute({ email, envelope }: RequestSignInLinkCommand): Promise<void> {
    const address = normalizeEmail(email);
    const memberships = await this.directory.membershipsOf(address);
    if (memberships.length === 0) return;
    // Nobody is signed in yet: the ledger issues the link, for the person the address belongs to.
    const person = recordedPerson(address, memberships[0]);
    const issuer = { kind: 'system' as const, id: 'sign-in' };
    await issueSignInLink(this.ctx, this.secrets, { ...envelope, actor: issuer, actingAs: issuer, onBehalfOf: person }, address);
  }
}

@CommandHandler(StartSessionCommand)
export class StartSessionHandler implements ICommandHandler<StartSessionCommand, SessionTokens> {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly secrets: Secrets,
    private readonly directory: Directory,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ input, envelope }: StartSessionCommand): Promise<SessionTokens> {
    const email = await signInLinkEmail(this.ctx, input.token, envelope.occurredAt);
    const membership = chooseMembership(await this.directory.membershipsOf(email), input.role, input.tenantId);
    const session = await startSession(this.ctx, this.secrets, envelope, { credential: input.token, email, membership });
    return this.tokens.issue(session, new Date(envelope.occurredAt));
  }
}

/** One role: that one. Several: the caller names one; the link stays unused until it does. */
function chooseMembership(memberships: Membership[], role?: string, tenantId?: string): Membership {
  const matching = memberships.filter((m) => (!role || m.role === role) && (!tenantId || m.tenantId === tenantId));
  if (matching.length === 1) return matching[0];
  if (matching.length === 0 && memberships.length > 0 && role) {
    throw new RuleViolationError(
      violation('membership-not-held', `This address cannot sign in as ${role}${tenantId ? ` of ${tenantId}` : ''}.`, { memberships }),
    );
  }
  if (matching.length === 0)
    throw new RuleViolationError(violation('sign-in-link-invalid', 'This sign-in link is not valid; ask for a new one.'));
  throw new RuleViolationError(
    violation('choose-membership', 'This address can sign in in several roles: send the same token again with role (and tenantId).', {
      memberships,
    }),
  );
}

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, SessionTokens> {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly secrets: Secrets,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ input, envelope }: RefreshSessionCommand): Promise<SessionTokens> {
    const session = await refreshSession(this.ctx, this.secrets, envelope, input.refreshToken);
    return this.tokens.issue(session, new Date(envelope.occurredAt));
  }
}

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand, void> {
  constructor(private readonly ctx: LedgerContext) {}

  execute({ sessionId, envelope }: EndSessionCommand): Promise<void> {
    return endSession(this.ctx, envelope, sessionId);
  }
}
