import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { SeatAssignmentAnswer } from '../assign-seat/assign-seat.command';
import { SeatHolderEmailPipe } from './seat-holder-email.pipe';
import { UnassignSeatCommand } from './unassign-seat.command';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/seat-assignments/:email')
export class UnassignSeatController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Delete()
  @Allow('reseller', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: "Take a person's seat back; the seat stays bought and can be given to someone else" })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: seat-not-assigned, subscription-expired' })
  unassign(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Param('email', SeatHolderEmailPipe) email: string,
    @Req() request: Request,
  ): Promise<SeatAssignmentAnswer> {
    return this.commandBus.execute(new UnassignSeatCommand(subscriptionId, email, this.envelopes.fromRequest(request)));
  }
}
