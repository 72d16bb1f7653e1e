import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorator';
import { OutboxCounts, OutboxCountsQuery } from './outbox-counts/outbox-counts.query';

/** For operators: mail waiting to be sent (a growing number means the sender or the server is stuck). */
@ApiTags('operations')
@Controller('mail/outbox')
export class MailOutboxController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('operator', 'support')
  @ApiOperation({ summary: 'How many mails wait to be sent and how many went out' })
  counts(): Promise<OutboxCounts> {
    return this.queryBus.execute(new OutboxCountsQuery());
  }
}
