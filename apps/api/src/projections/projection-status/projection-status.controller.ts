import { Controller, Get, Inject, Optional } from '@nestjs/common';
import type { ProcessManager, ProcessStatus } from '@channel-ledger/processes';
import { ProjectionRunner, ProjectionStatus } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';
import { PROCESS_MANAGER } from '../../processes/processes.tokens';

/**
 * The operator's (and support's) view of the read models: position, lag behind the log, state and
 * failure reason; and of the time-driven processes (`processes`): position, next due time, failure.
 */
@Controller('projections')
export class ProjectionStatusController {
  constructor(
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
    @Optional() @Inject(PROCESS_MANAGER) private readonly processes: ProcessManager | null = null,
  ) {}

  @Get()
  @Allow('operator', 'support', 'auditor')
  async status(): Promise<{ runsInThisProcess: boolean; projections: ProjectionStatus[]; processes: ProcessStatus[] }> {
    return {
      runsInThisProcess: this.runner !== null,
      projections: this.runner ? await this.runner.status() : [],
      processes: this.processes ? await this.processes.status() : [],
    };
  }
}
