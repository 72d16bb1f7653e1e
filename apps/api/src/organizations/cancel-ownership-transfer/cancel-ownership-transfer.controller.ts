import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { OrganizationCommandResult } from '../organization-command-result';
import { CancelOwnershipTransferCommand } from './cancel-ownership-transfer.command';

@ApiTags('organizations')
@Controller('organizations/:organizationId/ownership-transfers/:transferId/cancellation')
export class CancelOwnershipTransferController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open ownership offer (the managing reseller only)' })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: no-pending-transfer, transfer-expired, reseller-email-not-verified' })
  cancel(
    @Param('organizationId') organizationId: string,
    @Param('transferId') transferId: string,
    @Req() request: Request,
  ): Promise<OrganizationCommandResult> {
    return this.commandBus.execute(new CancelOwnershipTransferCommand(organizationId, transferId, this.envelopes.fromRequest(request)));
  }
}
