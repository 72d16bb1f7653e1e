import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ContactRole } from '@channel-ledger/domain';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { CONTACT_ROLES } from '../organization.dto';
import { ChangeContactCommand } from './change-contact.command';
import { ChangeContactDto } from './change-contact.dto';
import { ContactRolePipe } from './contact-role.pipe';

@ApiTags('organizations')
@Controller('organizations/:organizationId/contacts/:role')
export class ChangeContactController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  /** A reseller may call it to be told, by the decider, to request the change with an invoice (rule 9). */
  @Put()
  @Allow('customer', 'reseller')
  @HttpCode(200)
  @ApiOperation({ summary: "Change one of the organization's contacts: the customer's owner or administrators manage their own (rule 8)" })
  @ApiParam({ name: 'role', enum: CONTACT_ROLES })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: contact-change-needs-invoice (a reseller: request it instead), not-permitted' })
  change(
    @Param('organizationId') organizationId: string,
    @Param('role', new ContactRolePipe()) role: ContactRole,
    @Body() body: ChangeContactDto,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new ChangeContactCommand(organizationId, role, body, this.envelopes.fromRequest(request)));
  }
}
