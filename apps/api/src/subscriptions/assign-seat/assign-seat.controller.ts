import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubscriptionIdPipe } from '../subscription-id.pipe';
import { Allow } from '../../access/access.decorator';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { subscriptionUrl } from '../command-answer';
import { AssignSeatCommand, SeatAssignmentAnswer } from './assign-seat.command';
import { AssignSeatDto } from './assign-seat.dto';

@ApiTags('subscriptions')
@Controller('subscriptions/:subscriptionId/seat-assignments')
export class AssignSeatController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post()
  @Allow('reseller', 'customer')
  @HttpCode(201)
  @ApiOperation({ summary: 'Give a seat to a person at the customer; never more people than seats' })
  @ApiResponse({ status: 404, description: 'problem codes: subscription-not-found' })
  @ApiResponse({ status: 422, description: 'problem codes: no-free-seats, seat-already-assigned, subscription-expired' })
  async assign(
    @Param('subscriptionId', SubscriptionIdPipe) subscriptionId: string,
    @Body() body: AssignSeatDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SeatAssignmentAnswer> {
    const answer = await this.commandBus.execute(new AssignSeatCommand(subscriptionId, body.email, this.envelopes.fromRequest(request)));
    response.location(`${subscriptionUrl(subscriptionId)}/seat-assignments/${encodeURIComponent(answer.email)}`);
    return answer;
  }
}
