import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { AcceptOwnershipCommand } from './accept-ownership.command';

@ApiTags('organizations')
@Controller('organizations/:organizationId/ownership-transfers/:transferId/acceptance')
export class AcceptOwnershipController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take ownership of the organization, signed in with the address the offer was sent to (rules 2, 3)' })
  @ApiResponse({ status: 422, description: 'problem codes: no-pending-transfer, transfer-not-for-this-email, transfer-expired' })
  accept(
    @Param('organizationId') organizationId: string,
    @Param('transferId') transferId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(
      new AcceptOwnershipCommand(organizationId, transferId, principal.tenantId!, this.envelopes.fromRequest(request)),
    );
  }
}
