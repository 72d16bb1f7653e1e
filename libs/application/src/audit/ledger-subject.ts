export const SUBJECT_KINDS = ['subscription', 'organization', 'reseller'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface LedgerSubject {
  kind: SubjectKind;
  id: string;
}

export function subjectStream(subject: LedgerSubject): string {
  return `${subject.kind}-${subject.id}`;
}

/** `subscription sub-1`, or a stream id given whole (`subscription-sub-1`). */
export function parseSubject(kind: string, id: string): LedgerSubject | null {
  if (!(SUBJECT_KINDS as readonly string[]).includes(kind) || id.length === 0) return null;
  const prefix = `${kind}-`;
  return { kind: kind as SubjectKind, id: id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : id };
}
