import { Controller, Get, Inject, Optional, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ProjectionRunner, ProjectionStatus } from '@channel-ledger/projections';
import { readActor } from '../../http/command-envelope.factory';
import { requireActor } from '../../http/require-actor';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';

/** Support's view of the read models: position, lag behind the log, state and failure reason. */
@Controller('projections')
export class ProjectionStatusController {
  constructor(@Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null) {}

  @Get()
  async status(@Req() request: Request): Promise<{ runsInThisProcess: boolean; projections: ProjectionStatus[] }> {
    requireActor(readActor(request), ['support', 'auditor', 'system'], 'projection status');
    return { runsInThisProcess: this.runner !== null, projections: this.runner ? await this.runner.status() : [] };
  }
}
