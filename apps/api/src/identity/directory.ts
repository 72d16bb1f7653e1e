import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@channel-ledger/application';
import { Membership, normalizeEmail } from '@channel-ledger/domain';
import { EventStore } from '@channel-ledger/event-store';
import { membershipsOf, ProjectionRunner } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER, READ_STORE } from '../infrastructure/read-store.provider';

/** Which roles an address may sign in as: configured staff plus what the log says (identity read model). */
@Injectable()
export class Directory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  async membershipsOf(address: string): Promise<Membership[]> {
    const email = normalizeEmail(address);
    const configured: Membership[] = this.config.staff
      .filter((s) => s.email === email)
      .map((s) => ({ role: s.role, tenantId: s.vendorId }));
    let recorded = await membershipsOf(this.readStore, email);
    if (configured.length === 0 && recorded.length === 0 && this.runner) {
      // Just registered or invited: in the embedded default the projection may be a moment behind.
      await this.runner
        .waitUntilCaughtUp(await this.store.headPosition(), { projections: ['identity'], timeoutMs: 2000 })
        .catch(() => undefined);
      recorded = await membershipsOf(this.readStore, email);
    }
    const all = [...configured, ...recorded];
    return all.filter((m, i) => all.findIndex((o) => o.role === m.role && o.tenantId === m.tenantId) === i);
  }
}
