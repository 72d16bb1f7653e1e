import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { AdministratorInvitation, InviteAdministratorCommand } from './invite-administrator.command';
import { InviteAdministratorDto } from './invite-administrator.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/administrator-invitations')
export class InviteAdministratorController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** The decider says who may invite: the managing reseller or the customer owner, not an administrator. */
  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite a customer administrator by e-mail; the invitee must accept (rule 15)' })
  @ApiResponse({ status: 201, description: 'Invited; Location names the invitation' })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({
    status: 422,
    description: 'problem codes: not-organization-owner, already-administrator, administrator-already-invited, reseller-email-not-verified',
  })
  async invite(
    @Param('organizationId') organizationId: string,
    @Body() body: InviteAdministratorDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdministratorInvitation> {
    const result = await this.commandBus.execute(new InviteAdministratorCommand(organizationId, body, this.envelopes.fromRequest(request)));
    response.location(`/organizations/${organizationId}/administrator-invitations/${result.invitationId}`);
    return result;
  }
}
