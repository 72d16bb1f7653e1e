import { HttpException, HttpStatus } from '@nestjs/common';

/** An HTTP refusal with a stable problem code (rendered by ProblemDetailsFilter). */
export class CodedHttpException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

/** No, or no valid, credentials: forged, expired, tampered and revoked tokens all look alike. */
export function unauthenticated(detail = 'Sign in (Authorization: Bearer <access token>) or present an API key.'): CodedHttpException {
  return new CodedHttpException(HttpStatus.UNAUTHORIZED, 'unauthenticated', detail, {
    'WWW-Authenticate': 'Bearer realm="channel-ledger"',
  });
}

export function forbiddenForRole(role: string): CodedHttpException {
  return new CodedHttpException(HttpStatus.FORBIDDEN, 'forbidden-for-role', `Signed in as ${role}, you cannot use this route.`);
}

export function readOnlyKey(): CodedHttpException {
  return new CodedHttpException(HttpStatus.FORBIDDEN, 'read-only-api-key', 'This API key is read-only: it may only read (GET).');
}
