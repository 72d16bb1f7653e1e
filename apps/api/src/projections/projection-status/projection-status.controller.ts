import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ProjectionRunner, ProjectionStatus } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';

/** The operator's (and support's) view of the read models: position, lag behind the log, state and failure reason. */
@Controller('projections')
export class ProjectionStatusController {
  constructor(@Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null) {}

  @Get()
  @Allow('operator', 'support', 'auditor')
  async status(): Promise<{ runsInThisProcess: boolean; projections: ProjectionStatus[] }> {
    return { runsInThisProcess: this.runner !== null, projections: this.runner ? await this.runner.status() : [] };
  }
}
