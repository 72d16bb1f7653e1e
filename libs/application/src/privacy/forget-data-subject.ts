import { dataSubjectDecider, dataSubjectStream } from '@channel-ledger/domain';
import { CommandEnvelope } from '../pipeline/command-envelope';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { DataSubjects } from './data-subjects';
import { SubjectKeyStore } from './subject-key-store';

export interface ForgetOutcome {
  subjectId: string;
  /** False when the key was already gone (forgotten before, or never had personal data recorded). */
  keyDeleted: boolean;
  /** False on a repeat of the same command id. */
  recorded: boolean;
}

/**
 * "Forget this person" (support, with a reason): records `DataSubjectForgotten` (the subject's
 * keyed hash and the reason: no personal data) on `data-subject-<id>`, then deletes the person's
 * key, and drops the pipeline's folded states (they hold decrypted data). From then on every read
 * shows their fields as "[erased]"; read models and exports show it after their projections are
 * rebuilt (the caller rebuilds them). The event is recorded first, so a crash between the two
 * leaves the key to be deleted by a retry (same command id), never a deletion without its record.
 */
export async function forgetDataSubject(
  pipeline: CommandPipeline,
  keys: SubjectKeyStore,
  subjects: DataSubjects,
  envelope: CommandEnvelope,
  input: { email: string; reason: string },
): Promise<ForgetOutcome> {
  const subjectId = subjects.subjectIdOf(input.email);
  const outcome = await pipeline.execute({
    streamId: dataSubjectStream(subjectId),
    decider: dataSubjectDecider,
    envelope,
    command: { type: 'ForgetDataSubject', subjectId, reason: input.reason, now: envelope.occurredAt, actor: envelope.actor },
  });
  const keyDeleted = await keys.forget(subjectId);
  pipeline.snapshots.clear();
  return { subjectId, keyDeleted, recorded: outcome.appended };
}
