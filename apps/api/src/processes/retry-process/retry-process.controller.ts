import { Controller, HttpCode, HttpStatus, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isProcessName, PROCESS_NAMES, ProcessManager, ProcessStatus } from '@channel-ledger/processes';
import { CodedHttpException } from '../../access/access-errors';
import { Allow } from '../../access/access.decorator';
import { PROCESS_MANAGER } from '../processes.tokens';

/**
 * A process stopped on a failing step (GET /projections shows it under `processes`, with its
 * reason) is restarted by an operator once the cause is fixed: the failed step is taken again,
 * with the same command id, so nothing is recorded twice.
 */
@ApiTags('projections')
@Controller('processes/:name')
export class RetryProcessController {
  constructor(@Optional() @Inject(PROCESS_MANAGER) private readonly manager: ProcessManager | null) {}

  @Post('retry')
  @Allow('operator')
  @HttpCode(202)
  @ApiOperation({ summary: 'Restart a failed time-driven process from the step it failed on' })
  @ApiResponse({ status: 404, description: 'problem codes: process-not-found (also where the processes run in apps/projector)' })
  async retry(@Param('name') name: string): Promise<ProcessStatus> {
    if (!this.manager || !isProcessName(name)) {
      throw new CodedHttpException(
        HttpStatus.NOT_FOUND,
        'process-not-found',
        this.manager
          ? `There is no process of that name; known: ${PROCESS_NAMES.join(', ')}.`
          : 'The processes run in the projector process, not here.',
      );
    }
    await this.manager.retry(name);
    return (await this.manager.status()).find((status) => status.name === name)!;
  }
}
