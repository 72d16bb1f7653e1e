import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { InitiateOwnershipTransferCommand, OwnershipTransferInitiation } from './initiate-ownership-transfer.command';
import { InitiateOwnershipTransferDto } from './initiate-ownership-transfer.dto';

@ApiTags('organizations')
@Controller('organizations/:organizationId/ownership-transfers')
export class InitiateOwnershipTransferController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Offer ownership to the customer for 7 days (rule 3); after a lapse, initiating again sends a new offer',
  })
  @ApiResponse({ status: 201, description: 'Offered; Location names the transfer' })
  @ApiResponse({ status: 404, description: 'problem codes: organization-not-found' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: transfer-already-open, ownership-already-transferred, customer-contact-is-reseller, reseller-email-not-verified',
  })
  async initiate(
    @Param('organizationId') organizationId: string,
    @Body() body: InitiateOwnershipTransferDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OwnershipTransferInitiation> {
    const result = await this.commandBus.execute(
      new InitiateOwnershipTransferCommand(organizationId, body, this.envelopes.fromRequest(request)),
    );
    response.location(`/organizations/${organizationId}/ownership-transfers/${result.transferId}`);
    return result;
  }
}
