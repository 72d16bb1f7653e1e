import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { AcceptAdministratorInvitationCommand } from './accept-administrator-invitation.command';

@ApiTags('organizations')
@Controller('organizations/:organizationId/administrator-invitations/:invitationId/acceptance')
export class AcceptAdministratorInvitationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Become an administrator, signed in with the invited address (rule 15)' })
  @ApiResponse({ status: 404, description: 'problem codes: invitation-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: invitation-not-for-this-email' })
  accept(
    @Param('organizationId') organizationId: string,
    @Param('invitationId') invitationId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(
      new AcceptAdministratorInvitationCommand(organizationId, invitationId, principal.tenantId!, this.envelopes.fromRequest(request)),
    );
  }
}
