import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLinkStream } from '@channel-ledger/domain';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { Secrets } from '../secrets/secrets';
import { mailedTokenPurpose } from '../secrets/mailed-tokens';
import { issueSignInLink, refreshSession, startSession } from './identity.use-cases';
import { LedgerContext } from './ledger-context';

/**
 * Issue 11: everything in a command's events is derived from the command, so a retry (same
 * command id, later occurredAt) lands on the same stream and is answered from the log.
 */
describe('use cases retried with the same command id', () => {
  let dir: string;
  let store: EventStore;
  let ctx: LedgerContext;
  const secrets = new Secrets('retried-commands-test-secret');
  const envelope = (occurredAt: string): CommandEnvelope => {
    const issuer = { kind: 'system' as const, id: 'sign-in' };
    return {
      commandId: 'link-request-1',
      correlationId: `corr-${occurredAt}`,
      causationId: 'link-request-1',
      actor: issuer,
      actingAs: issuer,
      onBehalfOf: { kind: 'support', id: 'someone@ledger.test' },
      occurredAt,
    };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retried-commands-'));
    store = await openSqliteEventStore({ path: join(dir, 'events.sqlite') });
    ctx = new LedgerContext(store, new CommandPipeline(store));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a sign-in link request issues one link, whatever time the retry carries', async () => {
    const first = await issueSignInLink(ctx, secrets, envelope('2026-11-23T10:00:00.000Z'), 'someone@ledger.test');
    const retry = await issueSignInLink(ctx, secrets, envelope('2026-11-23T10:05:00.000Z'), 'someone@ledger.test');
    expect(retry.linkId).toBe(first.linkId);
    const events = await store.readStream(signInLinkStream(first.linkId));
    expect(events.map((e) => [e.type, e.metadata.occurredAt])).toEqual([['SignInLinkIssued', '2026-11-23T10:00:00.000Z']]);
  });

  it('a session started or refreshed again answers with the same session and refresh token', async () => {
    const { linkId } = await issueSignInLink(ctx, secrets, envelope('2026-11-23T10:00:00.000Z'), 'someone@ledger.test');
    const credential = `${linkId}.${secrets.derive(mailedTokenPurpose.signInLink(linkId))}`;
    const membership = { role: 'support' as const, tenantId: null };
    const start = (occurredAt: string) =>
      startSession(
        ctx,
        secrets,
        { ...envelope(occurredAt), commandId: 'start-1' },
        { credential, email: 'someone@ledger.test', membership },
      );
    const first = await start('2026-11-23T10:01:00.000Z');
    expect(await start('2026-11-23T10:01:07.000Z')).toEqual(first);

    const refresh = (occurredAt: string) =>
      refreshSession(ctx, secrets, { ...envelope(occurredAt), commandId: 'refresh-1' }, first.refreshToken);
    const refreshed = await refresh('2026-11-23T10:02:00.000Z');
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    expect(await refresh('2026-11-23T10:02:09.000Z')).toEqual(refreshed);
  });
});
