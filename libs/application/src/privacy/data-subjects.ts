import { createHmac } from 'node:crypto';
import { normalizeEmail } from '@channel-ledger/domain';
import { Secrets } from '../secrets/secrets';

/**
 * A data subject is a person, named in the ledger by a keyed hash of their e-mail address: the
 * same address always gives the same id, and without the ledger secret nobody can tell whose id
 * it is. The id names the person's key (key store), the person's ciphertexts and the
 * `data-subject-<id>` stream where forgetting them is recorded.
 */
export class DataSubjects {
  constructor(private readonly key: string) {}

  static fromSecrets(secrets: Secrets): DataSubjects {
    return new DataSubjects(secrets.derive('data-subject-id'));
  }

  subjectIdOf(email: string): string {
    return createHmac('sha256', this.key).update(normalizeEmail(email), 'utf8').digest('hex').slice(0, 32);
  }
}

/** The key e-mail lookups in read models use (sign-in directory, support's search): see libs/projections/src/email-lookup.ts. */
export function emailLookupKeyFrom(secrets: Secrets): string {
  return secrets.derive('email-lookup');
}
