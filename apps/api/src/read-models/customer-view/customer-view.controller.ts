import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { customerOrganization, customerOrganizationFor, customerOrganizationsOf, openTransferAt } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readActor } from '../../http/command-envelope.factory';
import { notVisible } from '../../http/not-visible';
import { readsEverything } from '../../http/require-actor';
import { PageQueryDto } from '../../http/page-query.dto';
import { CLOCK, Clock } from '../../infrastructure/clock';
import { READ_STORE } from '../../infrastructure/read-store.provider';

/**
 * The customer's read-only view of its organization (rule 8): subscriptions, seats, term,
 * licenses, contacts, who it was bought through. It carries no prices and no invoices.
 * A customer is identified by its signed-in address (`X-Actor: customer:<email>`).
 */
@Controller()
export class CustomerViewController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('me/organizations')
  mine(@Query() query: PageQueryDto, @Req() request: Request) {
    const actor = readActor(request);
    if (actor.kind !== 'customer') throw notVisible('customer', actor.id);
    return customerOrganizationsOf(this.readStore, actor.id, query);
  }

  @Get('organizations/:organizationId')
  async organization(@Param('organizationId') organizationId: string, @Req() request: Request) {
    const actor = readActor(request);
    const document =
      actor.kind === 'customer'
        ? await customerOrganizationFor(this.readStore, organizationId, actor.id)
        : readsEverything(actor)
          ? await customerOrganization(this.readStore, organizationId)
          : null;
    if (!document) throw notVisible('organization', organizationId);
    return { ...document, pendingTransfer: openTransferAt(document, this.clock.now().toISOString()) };
  }
}
