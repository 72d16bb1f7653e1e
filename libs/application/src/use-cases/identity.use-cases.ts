import {
  apiKeyDecider,
  apiKeyStream,
  isViolation,
  Membership,
  sessionDecider,
  sessionInvalid,
  sessionStream,
  signInLinkDecider,
  signInLinkStream,
  StaffRole,
  staffAccountDecider,
  staffAccountStream,
  violation,
} from '@channel-ledger/domain';
import { Actor } from '@channel-ledger/event-store';
import { loadState } from '../pipeline/load-state';
import { actingParty, CommandEnvelope } from '../pipeline/command-envelope';
import { derivedId } from '../pipeline/derived-id';
import { RuleViolationError } from '../pipeline/errors';
import { mailedTokenPurpose } from '../secrets/mailed-tokens';
import { Secrets, tokenHash } from '../secrets/secrets';
import { followUp } from './follow-up';
import { LedgerContext } from './ledger-context';

/**
 * Sign-in (rule 16): a one-time link is recorded with the hash of a token derived from the link
 * id; the mail reactor recomputes the token from the same derivation and mails it. The log never
 * holds a usable credential. The link id is derived from the command id, so a retried request
 * (same Idempotency-Key) lands on the same link and is answered from the log: one link, one mail.
 */
export async function issueSignInLink(ctx: LedgerContext, secrets: Secrets, envelope: CommandEnvelope, email: string) {
  const linkId = derivedId(`sign-in-link|${envelope.commandId}`);
  await ctx.pipeline.execute({
    streamId: signInLinkStream(linkId),
    decider: signInLinkDecider,
    envelope,
    command: {
      type: 'IssueSignInLink',
      linkId,
      email,
      tokenHash: tokenHash(secrets.derive(mailedTokenPurpose.signInLink(linkId))),
      now: envelope.occurredAt,
      actor: actingParty(envelope),
    },
  });
  return { linkId };
}

/** `<id>.<secret>`: a sign-in link's credential and a refresh token alike. */
const ID_DOT_SECRET = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/;

/** `<linkId>.<token>`, as the mail gives it. */
export function parseSignInToken(credential: string): { linkId: string; token: string } | null {
  const match = ID_DOT_SECRET.exec(credential);
  return match ? { linkId: match[1], token: match[2] } : null;
}

const invalidLink = () => new RuleViolationError(violation('sign-in-link-invalid', 'This sign-in link is not valid; ask for a new one.'));

/** Checks a link without using it, so a person who must still choose a role keeps a working link. */
export async function signInLinkEmail(ctx: LedgerContext, credential: string, now: string): Promise<string> {
  const parsed = parseSignInToken(credential);
  if (!parsed) throw invalidLink();
  const state = await loadState(ctx.store, signInLinkStream(parsed.linkId), signInLinkDecider);
  const dryRun = signInLinkDecider.decide(
    {
      type: 'UseSignInLink',
      linkId: parsed.linkId,
      tokenHash: tokenHash(parsed.token),
      now,
      actor: { kind: 'anonymous', id: 'anonymous' },
    },
    state,
  );
  if (isViolation(dryRun)) throw new RuleViolationError(dryRun);
  return state.status === 'none' ? '' : state.email;
}

export interface StartedSession {
  sessionId: string;
  email: string;
  membership: Membership;
  refreshToken: string;
}

/** Uses the link (once) and opens a session for the chosen membership, in that order. */
export async function startSession(
  ctx: LedgerContext,
  secrets: Secrets,
  envelope: CommandEnvelope,
  input: { credential: string; email: string; membership: Membership },
): Promise<StartedSession> {
  const parsed = parseSignInToken(input.credential);
  if (!parsed) throw invalidLink();
  const actor = recordedPerson(input.email, input.membership);
  const person = { ...envelope, actor, actingAs: actor };
  await ctx.pipeline.execute({
    streamId: signInLinkStream(parsed.linkId),
    decider: signInLinkDecider,
    envelope: person,
    command: { type: 'UseSignInLink', linkId: parsed.linkId, tokenHash: tokenHash(parsed.token), now: envelope.occurredAt, actor },
  });
  // Derived from the command, so a retried request opens (and answers with) the same session.
  const sessionId = derivedId(`session|${envelope.commandId}`);
  const secret = secrets.derive(refreshTokenPurpose(envelope.commandId));
  await ctx.pipeline.execute({
    streamId: sessionStream(sessionId),
    decider: sessionDecider,
    envelope: followUp(person, 'start-session'),
    command: {
      type: 'StartSession',
      sessionId,
      email: input.email,
      membership: input.membership,
      linkId: parsed.linkId,
      refreshTokenHash: tokenHash(secret),
      now: envelope.occurredAt,
      actor,
    },
  });
  return { sessionId, email: input.email, membership: input.membership, refreshToken: `${sessionId}.${secret}` };
}

/**
 * A refresh token's secret, derived from the command that issued it: a retry answers with the
 * token the first attempt recorded the hash of, and the log holds only that hash.
 */
const refreshTokenPurpose = (commandId: string): string => `refresh-token|${commandId}`;

/** Who a person is in the log: a reseller user is its reseller, everyone else their address. */
export function recordedPerson(email: string, membership: Membership): Actor {
  return membership.role === 'reseller' ? { kind: 'reseller', id: membership.tenantId! } : { kind: membership.role, id: email };
}

const invalidSession = () => new RuleViolationError(sessionInvalid());

/** Rotates the refresh token; presenting an old one ends the session (it was copied). */
export async function refreshSession(
  ctx: LedgerContext,
  secrets: Secrets,
  envelope: CommandEnvelope,
  refreshToken: string,
): Promise<StartedSession> {
  const match = ID_DOT_SECRET.exec(refreshToken);
  if (!match) throw invalidSession();
  const [, sessionId, secret] = match;
  const state = await loadState(ctx.store, sessionStream(sessionId), sessionDecider);
  if (state.status !== 'active') throw invalidSession();
  const next = secrets.derive(refreshTokenPurpose(envelope.commandId));
  const person = recordedPerson(state.email, state.membership);
  const outcome = await ctx.pipeline.execute({
    streamId: sessionStream(sessionId),
    decider: sessionDecider,
    envelope: { ...envelope, actor: person, actingAs: person },
    command: {
      type: 'RefreshSession',
      sessionId,
      presentedHash: tokenHash(secret),
      nextRefreshTokenHash: tokenHash(next),
      now: envelope.occurredAt,
      actor: person,
    },
  });
  if (outcome.state.status !== 'active') throw invalidSession();
  return { sessionId, email: state.email, membership: state.membership, refreshToken: `${sessionId}.${next}` };
}

export async function endSession(ctx: LedgerContext, envelope: CommandEnvelope, sessionId: string) {
  await ctx.pipeline.execute({
    streamId: sessionStream(sessionId),
    decider: sessionDecider,
    envelope,
    command: { type: 'EndSession', sessionId, now: envelope.occurredAt, actor: actingParty(envelope) },
  });
}

export async function sessionIsActive(ctx: LedgerContext, sessionId: string, now: string): Promise<boolean> {
  const state = await loadState(ctx.store, sessionStream(sessionId), sessionDecider);
  return state.status === 'active' && Date.parse(now) < Date.parse(state.expiresAt);
}

export async function createApiKey(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { keyId: string; name: string; membership: Membership; readOnly: boolean; secretHash: string },
) {
  return ctx.pipeline.execute({
    streamId: apiKeyStream(input.keyId),
    decider: apiKeyDecider,
    envelope,
    command: { type: 'CreateApiKey', ...input, now: envelope.occurredAt, actor: envelope.actor },
  });
}

export async function revokeApiKey(ctx: LedgerContext, envelope: CommandEnvelope, input: { keyId: string; tenant: Membership }) {
  return ctx.pipeline.execute({
    streamId: apiKeyStream(input.keyId),
    decider: apiKeyDecider,
    envelope,
    command: { type: 'RevokeApiKey', ...input, now: envelope.occurredAt, actor: envelope.actor },
  });
}

export function apiKeyState(ctx: LedgerContext, keyId: string) {
  return loadState(ctx.store, apiKeyStream(keyId), apiKeyDecider);
}

export async function changeStaffAccount(
  ctx: LedgerContext,
  envelope: CommandEnvelope,
  input: { change: 'grant' | 'revoke'; email: string; role: StaffRole; vendorId: string | null },
) {
  return ctx.pipeline.execute({
    streamId: staffAccountStream(input.role, input.vendorId, input.email),
    decider: staffAccountDecider,
    envelope,
    command: {
      type: input.change === 'grant' ? 'GrantStaffAccount' : 'RevokeStaffAccount',
      email: input.email,
      role: input.role,
      vendorId: input.vendorId,
      now: envelope.occurredAt,
      actor: actingParty(envelope),
    },
  });
}
