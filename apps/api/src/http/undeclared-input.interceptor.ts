import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { InvalidInputException } from './invalid-input.exception';
import { FieldError } from './problem-details';

interface RouteArgument {
  index: number;
  data?: unknown;
}

interface DeclaredInput {
  /** null: the whole body (or query) goes to a DTO that refuses unknown fields itself. */
  bodyKeys: ReadonlySet<string> | null | 'none';
  queryKeys: ReadonlySet<string> | null | 'none';
}

/**
 * Unknown fields are refused, not dropped, also on routes that take no body or no query: a body
 * sent to `DELETE /auth/session`, or `?cursor=` on a route without paging, is a 400 naming the
 * fields, not silently ignored. Routes whose DTO takes the whole body or query are left to the
 * validation pipe (whitelist, forbidNonWhitelisted).
 */
@Injectable()
export class UndeclaredInputInterceptor implements NestInterceptor {
  private readonly declared = new WeakMap<object, DeclaredInput>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const declared = this.declaredInput(context);
    const errors: FieldError[] = [
      ...undeclared(bodyFields(request.body), declared.bodyKeys, (key) => key),
      ...undeclared(Object.keys(request.query ?? {}), declared.queryKeys, (key) => `query:${key}`),
    ];
    if (errors.length > 0) throw new InvalidInputException(errors);
    return next.handle();
  }

  private declaredInput(context: ExecutionContext): DeclaredInput {
    const handler = context.getHandler();
    const known = this.declared.get(handler);
    if (known) return known;
    const args = Object.entries(
      (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, RouteArgument>,
    ).map(([key, arg]) => ({ type: Number(key.split(':')[0]), data: arg.data }));
    const keysOf = (type: RouteParamtypes): ReadonlySet<string> | null | 'none' => {
      const of = args.filter((arg) => arg.type === type);
      if (of.length === 0) return 'none';
      if (of.some((arg) => typeof arg.data !== 'string')) return null;
      return new Set(of.map((arg) => arg.data as string));
    };
    const input = { bodyKeys: keysOf(RouteParamtypes.BODY), queryKeys: keysOf(RouteParamtypes.QUERY) };
    this.declared.set(handler, input);
    return input;
  }
}

/** The body's top-level fields; a non-object body (an array, a JSON string) counts as one field. */
function bodyFields(body: unknown): string[] {
  if (body === undefined || body === null) return [];
  if (typeof body !== 'object' || Array.isArray(body)) return Array.isArray(body) && body.length === 0 ? [] : ['(body)'];
  return Object.keys(body);
}

function undeclared(fields: string[], allowed: ReadonlySet<string> | null | 'none', name: (key: string) => string): FieldError[] {
  if (allowed === null) return [];
  return fields
    .filter((field) => allowed === 'none' || !allowed.has(field))
    .map((field) => ({ field: name(field), messages: [`${name(field)} is not accepted by this route`] }));
}
