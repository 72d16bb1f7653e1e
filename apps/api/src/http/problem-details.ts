/** RFC 9457 problem details, the one error shape the API answers with. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code (a rule's name for refusals). */
  code: string;
  instance?: string;
  /** For invalid input: every field that is wrong, with every reason. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://channel-ledger.dev/problems/${code}`;
}
