import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, forgetDataSubject, LedgerEventStore } from '@channel-ledger/application';
import { ProjectionRunner } from '@channel-ledger/projections';
import { LEDGER_EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../../infrastructure/read-store.provider';
import { ForgetDataSubjectCommand } from './forget-data-subject.command';
import { ForgetDataSubjectResult } from './forget-data-subject.dto';

/**
 * Records the erasure, deletes the person's key and drops the pipeline's folded states (they hold
 * decrypted data), all in forgetDataSubject, then rebuilds every read model in the background
 * (blue/green: the old version serves until the rebuilt one, which shows the person's fields as
 * "[erased]", takes over).
 */
@CommandHandler(ForgetDataSubjectCommand)
export class ForgetDataSubjectHandler implements ICommandHandler<ForgetDataSubjectCommand, ForgetDataSubjectResult> {
  private readonly logger = new Logger('Privacy');

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(LEDGER_EVENT_STORE) private readonly ledger: LedgerEventStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner | null,
  ) {}

  async execute({ input, envelope }: ForgetDataSubjectCommand): Promise<ForgetDataSubjectResult> {
    const outcome = await forgetDataSubject(this.pipeline, this.ledger.keys, this.ledger.subjects, envelope, input);
    const rebuilding = this.runner ? [...this.runner.projectionNames] : [];
    if (this.runner) void rebuildAll(this.runner, rebuilding, this.logger);
    // No address in the log line: the subject id is what the log knows the person by.
    this.logger.log(
      `data subject ${outcome.subjectId} forgotten (key ${outcome.keyDeleted ? 'deleted' : 'already gone'}); rebuilding ${rebuilding.length} projection(s)`,
    );
    return { ...outcome, rebuilding };
  }
}

/** One after the other (each rebuild reads the whole log); a failure shows in GET /projections. */
export async function rebuildAll(runner: ProjectionRunner, names: readonly string[], logger?: Logger): Promise<void> {
  for (const name of names) {
    try {
      const outcome = await runner.rebuild(name);
      logger?.log(`rebuild of ${name} after an erasure: ${outcome}`);
    } catch (error) {
      logger?.error(`rebuild of ${name} after an erasure: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
