import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { ResellerDirectory } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { isResellerAddress, ProjectionRunner } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { CodedHttpException } from '../access/access-errors';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER, READ_STORE } from '../infrastructure/read-store.provider';

export const RESELLER_DIRECTORY = Symbol('ResellerDirectory');

/**
 * Rule 10's index: the identity read model keys every address by e-mail with its memberships, and
 * a reseller's address gets its 'reseller' membership when the reseller registers (verified or not).
 */
@Injectable()
export class ReadModelResellerDirectory implements ResellerDirectory {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  async isResellerAddress(email: string): Promise<boolean> {
    if (await isResellerAddress(this.readStore, email)) return true;
    // "No" must not come from a projection that is behind: a reseller that registered a moment ago
    // would otherwise slip through. In the embedded default we can wait for it to catch up.
    if (this.runner) {
      try {
        await this.runner.waitUntilCaughtUp(await this.store.headPosition(), { projections: ['identity'], timeoutMs: 2000 });
      } catch {
        // Fail closed: unable to rule a reseller out, nothing is delivered.
        throw new CodedHttpException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'reseller-directory-unavailable',
          "We cannot check right now that this address is not a reseller's; nothing was delivered. Try again in a moment.",
        );
      }
      return isResellerAddress(this.readStore, email);
    }
    return false;
  }
}
