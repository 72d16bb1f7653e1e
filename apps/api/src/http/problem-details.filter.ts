import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyConflictError, RuleViolationError } from '@channel-ledger/application';
import { RuleViolation } from '@channel-ledger/domain';
import { InvalidInputException } from './invalid-input.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

/** Every error leaves the API as application/problem+json; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...toProblem(exception, this.logger), instance: request.originalUrl };
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
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
  if (exception instanceof HttpException) return fromHttpException(exception);
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
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
  const notFound = violation.code.endsWith('-not-found');
  return {
    type: problemType(violation.code),
    title: notFound ? 'Not found' : 'The request breaks a business rule',
    status: notFound ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY,
    code: violation.code,
    detail: violation.message,
  };
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message =
    typeof body === 'string'
      ? body
      : Array.isArray((body as { message?: unknown }).message)
        ? ((body as { message: string[] }).message).join('; ')
        : String((body as { message?: unknown }).message ?? exception.message);
  const code = status === HttpStatus.NOT_FOUND ? 'not-found' : status === HttpStatus.BAD_REQUEST ? 'bad-request' : `http-${status}`;
  return { type: problemType(code), title: exception.name.replace(/Exception$/, ''), status, code, detail: message };
}
