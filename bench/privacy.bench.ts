/**
 * What encrypting personal data costs a command (docs/architecture.md, "Schemas and personal data").
 *
 *   TS_NODE_PROJECT=tsconfig.json TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register -r tsconfig-paths/register bench/privacy.bench.ts [commands]
 *
 * Each row runs the same number of commands through the real CommandPipeline on a fresh SQLite
 * file (WAL, synchronous=FULL, as in production), on one organization stream:
 *   - InviteAdministrator carries a personal field (the invitee's address, encrypted per person);
 *   - ChangeCompanyDetails carries none (company data is not personal);
 * once on the bare store and once through the ledger's store (upcasting + encryption, with the
 * key store in its own SQLite file). The ratio column compares each row with the bare store
 * running the same command, and the last line the encrypted command with the command without
 * personal fields on the bare store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor, EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { organizationDecider, organizationStream, ResellerFacts } from '@channel-ledger/domain';
import { CommandPipeline, DataSubjects, SqliteSubjectKeyStore, wrapLedgerEventStore } from '@channel-ledger/application';

const N = Number(process.argv[2] ?? 400);
const reseller: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
const actor: Actor = { kind: 'reseller', id: 'acme' };
let seq = 0;
const envelope = (at: string) => {
  const commandId = `bench-${++seq}`;
  return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt: at };
};

type Kind = 'InviteAdministrator' | 'ChangeCompanyDetails';

async function run(kind: Kind, encrypted: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'privacy-bench-'));
  const raw = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite') });
  const keys = new SqliteSubjectKeyStore(join(dir, 'subject-keys.sqlite'));
  const store: EventStore = encrypted ? wrapLedgerEventStore(raw, keys, new DataSubjects('bench-key')) : raw;
  const pipeline = new CommandPipeline(store);
  const streamId = organizationStream('org-1');
  const now = '2026-01-01T00:00:00.000Z';
  const context = { reseller };
  await pipeline.execute({
    streamId,
    decider: organizationDecider,
    envelope: envelope(now),
    command: {
      type: 'CreateCustomerOrganization',
      organizationId: 'org-1',
      vendorId: 'v-1',
      name: 'Globex',
      companyDetails: {},
      customerContactEmail: 'owner@globex.example',
      customerContactName: 'Olive Owner',
      isPublic: false,
      customerAssociationEnabled: false,
      now,
      actor,
      context,
    },
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const command =
      kind === 'InviteAdministrator'
        ? {
            type: 'InviteAdministrator' as const,
            organizationId: 'org-1',
            invitationId: `inv-${i}`,
            email: `admin-${i}@globex.example`,
            now,
            actor,
            context,
          }
        : {
            type: 'ChangeCompanyDetails' as const,
            organizationId: 'org-1',
            name: 'Globex',
            companyDetails: { city: `City ${i}` },
            now,
            actor,
            context,
          };
    await pipeline.execute({ streamId, decider: organizationDecider, envelope: envelope(now), command });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / N;
  await store.close();
  if (!encrypted) await keys.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main(): Promise<void> {
  // Warm-up (JIT, SQLite page cache), not reported.
  await run('InviteAdministrator', true);
  const rows: { command: Kind; store: string; ms: number; ratio: number }[] = [];
  const bare: Record<Kind, number> = { InviteAdministrator: 0, ChangeCompanyDetails: 0 };
  for (const kind of ['ChangeCompanyDetails', 'InviteAdministrator'] as const) {
    bare[kind] = await run(kind, false);
    const ledger = await run(kind, true);
    rows.push({ command: kind, store: 'bare SQLite', ms: bare[kind], ratio: 1 });
    rows.push({ command: kind, store: 'ledger (upcast + encrypt)', ms: ledger, ratio: ledger / bare[kind] });
  }
  console.log(`privacy bench: ${N} commands per row, one organization stream, SQLite WAL synchronous=FULL`);
  console.log('| command | personal fields | store | ms/command | ratio to bare store |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.command} | ${r.command === 'InviteAdministrator' ? 'yes (address)' : 'no'} | ${r.store} | ${r.ms.toFixed(3)} | ${r.ratio.toFixed(2)}× |`,
    );
  const encrypted = rows.find((r) => r.command === 'InviteAdministrator' && r.ratio !== 1)!;
  console.log(
    `\nInviteAdministrator encrypted ÷ ChangeCompanyDetails on the bare store: ${(encrypted.ms / bare.ChangeCompanyDetails).toFixed(2)}×`,
  );
}

void main();
