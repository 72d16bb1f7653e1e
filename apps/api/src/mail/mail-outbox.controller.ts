import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { mailOutboxCounts } from '@channel-ledger/projections';
import { ReadStore, UnknownCollectionError } from '@channel-ledger/read-store';
import { Allow } from '../access/access.decorator';
import { READ_STORE } from '../infrastructure/read-store.provider';

/** For operators: mail waiting to be sent (a growing number means the sender or the server is stuck). */
@ApiTags('operations')
@Controller('mail/outbox')
export class MailOutboxController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get()
  @Allow('operator', 'support')
  @ApiOperation({ summary: 'How many mails wait to be sent and how many went out' })
  async counts(): Promise<{ pending: number; sent: number }> {
    try {
      return await mailOutboxCounts(this.readStore);
    } catch (error) {
      if (error instanceof UnknownCollectionError) return { pending: 0, sent: 0 };
      throw error;
    }
  }
}
