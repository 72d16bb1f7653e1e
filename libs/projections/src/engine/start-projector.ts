import { consoleLogger } from './logger';
import { ProjectionRunner, ProjectionRunnerOptions } from './runner';

/**
 * The projector, whatever the stores: builds the runner and starts it. Used by apps/projector
 * (its own process) and by the API when it runs projections in-process (embedded default).
 * The caller owns the stores and closes them after `runner.stop()`.
 */
export async function startProjector(options: ProjectionRunnerOptions): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner({ logger: consoleLogger, ...options });
  await runner.start();
  return runner;
}
