import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyConflictError, RuleViolationError } from '@channel-ledger/application';
import { RuleViolation } from '@channel-ledger/domain';
import { InvalidCursorError } from '@channel-ledger/read-store';
import { CodedHttpException } from '../access/access-errors';
import { InvalidInputException } from './invalid-input.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

/** Every error leaves the API as application/problem+json; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), exception, this.logger);
  }
}

/**
 * Writes the problem for any exception. Shared by the filter and by the Express error middleware
 * that answers for what fails before Nest's pipeline (body parsing, media type, JSON depth).
 */
export function sendProblem(request: Request, response: Response, exception: unknown, logger?: Logger): void {
  const problem = { ...toProblem(exception, logger), instance: request.originalUrl };
  if (response.headersSent) {
    // Too late for a problem document: cut the response short rather than send a half-truth.
    response.destroy();
    return;
  }
  if (exception instanceof CodedHttpException) response.set(exception.headers);
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function toProblem(exception: unknown, logger?: Logger): ProblemDetails {
  if (exception instanceof InvalidInputException) {
    return {
      type: problemType('invalid-input'),
      title: 'The request has invalid fields',
      status: HttpStatus.BAD_REQUEST,
      code: 'invalid-input',
      detail: `Invalid: ${exception.errors.map((e) => `${e.field} (${e.messages.join('; ')})`).join(', ')}`,
      errors: exception.errors,
    };
  }
  if (exception instanceof RuleViolationError) return fromViolation(exception.violation);
  if (exception instanceof ConcurrencyConflictError) {
    return {
      type: problemType('concurrent-modification'),
      title: 'Someone else changed this at the same time',
      status: HttpStatus.CONFLICT,
      code: 'concurrent-modification',
      detail: exception.message,
    };
  }
  if (exception instanceof InvalidCursorError) {
    return {
      type: problemType('invalid-cursor'),
      title: 'The request has invalid fields',
      status: HttpStatus.BAD_REQUEST,
      code: 'invalid-cursor',
      detail: 'cursor is not one this list handed out (or its list changed): start again without a cursor.',
      errors: [{ field: 'cursor', messages: ['must be a nextCursor returned by this same list'] }],
    };
  }
  if (exception instanceof CodedHttpException) {
    const status = exception.getStatus();
    return { type: problemType(exception.code), title: titleOf(status), status, code: exception.code, detail: exception.message };
  }
  if (exception instanceof HttpException) return fromHttpException(exception, logger);
  const fromParser = fromBodyParserError(exception);
  if (fromParser) return fromParser;
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return internalError();
}

function internalError(): ProblemDetails {
  return {
    type: problemType('internal-error'),
    title: 'Internal error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'internal-error',
    detail: 'Something went wrong on our side; nothing was changed. Try again later.',
  };
}

/** Not-found codes are 404 so another tenant's resources are indistinguishable from absent ones. */
function fromViolation(violation: RuleViolation): ProblemDetails {
  // An ended or expired session is a credential problem, answered like any other: 401.
  if (violation.code === 'session-invalid') {
    return {
      type: problemType(violation.code),
      title: 'Not signed in',
      status: HttpStatus.UNAUTHORIZED,
      code: violation.code,
      detail: violation.message,
    };
  }
  const notFound = violation.code.endsWith('-not-found');
  return {
    type: problemType(violation.code),
    title: notFound ? 'Not found' : 'The request breaks a business rule',
    status: notFound ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY,
    code: violation.code,
    detail: violation.message,
  };
}

function fromHttpException(exception: HttpException, logger?: Logger): ProblemDetails {
  const status = exception.getStatus();
  // A 5xx HttpException is still ours to explain in the log, not in the response.
  if (status >= 500) {
    logger?.error(exception.stack ?? exception.message);
    return internalError();
  }
  const body = exception.getResponse();
  const message =
    typeof body === 'string'
      ? body
      : Array.isArray((body as { message?: unknown }).message)
        ? (body as { message: string[] }).message.join('; ')
        : String((body as { message?: unknown }).message ?? exception.message);
  // Express could not percent-decode a path parameter (`%E0%A4%A`): a bad id like any other.
  if (status === HttpStatus.BAD_REQUEST && message.startsWith('Failed to decode param')) {
    return {
      type: problemType('invalid-id'),
      title: titleOf(status),
      status,
      code: 'invalid-id',
      detail: 'A path parameter is not valid percent-encoding.',
    };
  }
  const code =
    status === HttpStatus.NOT_FOUND
      ? 'not-found'
      : status === HttpStatus.BAD_REQUEST
        ? 'bad-request'
        : status === HttpStatus.TOO_MANY_REQUESTS
          ? 'too-many-requests'
          : `http-${status}`;
  return { type: problemType(code), title: exception.name.replace(/Exception$/, ''), status, code, detail: message };
}

/**
 * body-parser (and raw-body, http-errors) refusals, raised before Nest's pipeline. Their messages
 * quote the parser (positions, token excerpts): the detail is ours, keyed by their `type`.
 */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  'entity.too.large': { status: 413, code: 'payload-too-large', detail: 'The request body is larger than this API accepts.' },
  'entity.parse.failed': { status: 400, code: 'invalid-json', detail: 'The request body is not valid JSON (an object or an array).' },
  'entity.too.deep': { status: 400, code: 'json-too-deep', detail: 'The request body nests objects and arrays too deeply.' },
  'entity.verify.failed': { status: 400, code: 'invalid-body', detail: 'The request body was refused.' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported-content-encoding',
    detail: 'Content-Encoding must be identity, gzip, deflate or br.',
  },
  'charset.unsupported': { status: 415, code: 'unsupported-charset', detail: 'JSON bodies must be UTF-8.' },
  'request.aborted': { status: 400, code: 'request-aborted', detail: 'The client stopped sending the request body.' },
  'request.size.invalid': { status: 400, code: 'invalid-content-length', detail: 'The request body does not match its Content-Length.' },
  'parameters.too.many': { status: 413, code: 'payload-too-large', detail: 'The request has too many parameters.' },
};

function fromBodyParserError(exception: unknown): ProblemDetails | null {
  if (!(exception instanceof Error)) return null;
  const { type, status, expose } = exception as Error & { type?: unknown; status?: unknown; expose?: unknown };
  const known = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  if (known)
    return { type: problemType(known.code), title: titleOf(known.status), status: known.status, code: known.code, detail: known.detail };
  // Any other client error an Express layer raised (http-errors sets `expose` on 4xx): its status, our words.
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    const code = status === 400 ? 'bad-request' : `http-${status}`;
    return { type: problemType(code), title: titleOf(status), status, code, detail: 'The request was refused.' };
  }
  return null;
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    413: 'Request too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request refused';
}
