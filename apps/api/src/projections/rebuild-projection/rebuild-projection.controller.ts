import { Controller, HttpCode, HttpStatus, Inject, Logger, NotFoundException, Optional, Param, Post } from '@nestjs/common';
import { ProjectionRunner, ProjectionStatus } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { CodedHttpException } from '../../access/access-errors';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';

/**
 * Starts a blue/green rebuild (or a retry of a failed projection) and answers at once: the old
 * version keeps serving, and GET /projections shows the rebuild's progress.
 */
@Controller('projections/:name')
@Allow('operator')
export class RebuildProjectionController {
  private readonly logger = new Logger('Projections');

  constructor(@Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null) {}

  @Post('rebuild')
  @HttpCode(202)
  rebuild(@Param('name') name: string): Promise<ProjectionStatus> {
    return this.start(name, (runner) => runner.rebuild(name).then((outcome) => this.logger.log(`rebuild of ${name}: ${outcome}`)));
  }

  @Post('retry')
  @HttpCode(202)
  retry(@Param('name') name: string): Promise<ProjectionStatus> {
    return this.start(name, (runner) => runner.retry(name));
  }

  private async start(name: string, work: (runner: ProjectionRunner) => Promise<unknown>): Promise<ProjectionStatus> {
    const runner = this.runner;
    if (!runner || !runner.projectionNames.includes(name)) {
      throw new NotFoundException(
        runner
          ? `No projection named "${name}"; known: ${runner.projectionNames.join(', ')}`
          : 'Projections run in the projector process, not here.',
      );
    }
    if ((await runner.projectionStatus(name)).state === 'rebuilding') {
      throw new CodedHttpException(
        HttpStatus.CONFLICT,
        'rebuild-already-running',
        `A rebuild of ${name} is already running; GET /projections shows its progress.`,
      );
    }
    work(runner).catch((error: unknown) => this.logger.error(`${name}: ${error instanceof Error ? error.message : String(error)}`));
    return runner.projectionStatus(name);
  }
}
