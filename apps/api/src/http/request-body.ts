import { HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { CodedHttpException } from '../access/access-errors';
import { InvalidInputException } from './invalid-input.exception';
import { FieldError } from './problem-details';
import { sendProblem } from './problem-details.filter';

/** Deepest nesting of objects and arrays a JSON body may have (the DTOs need 3 or 4). */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach for an object's prototype; refused wherever they appear in a body or query. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Only JSON is accepted on writes. A cross-site HTML form can only send
 * application/x-www-form-urlencoded, multipart/form-data or text/plain, so refusing everything
 * but application/json (415) means no form on another site can ever register or change anything.
 * A write without a body and without a Content-Type is fine (some commands have no body).
 */
export function requireJsonBodies(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (!METHODS_WITH_BODY.has(request.method)) return next();
    const contentType = request.headers['content-type'];
    if (contentType === undefined) {
      if (!hasBody(request)) return next();
      return next(unsupportedMediaType('(none)'));
    }
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') return next(unsupportedMediaType(mediaType || '(empty)'));
    next();
  };
}

function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return length !== undefined && length.trim() !== '0';
}

function unsupportedMediaType(got: string): CodedHttpException {
  const shown = got.length > 100 ? `${got.slice(0, 100)}…` : got;
  return new CodedHttpException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported-media-type',
    `Request bodies must be JSON sent as Content-Type: application/json (got ${JSON.stringify(shown)}).`,
  );
}

/**
 * body-parser `verify` hook: refuses a body nested deeper than `maxDepth` before JSON.parse runs,
 * with one pass over the raw bytes (no recursion, so a 10,000-deep body cannot exhaust the stack
 * here or later in class-transformer and class-validator, which do recurse).
 */
export function refuseDeepJson(maxDepth = MAX_JSON_DEPTH): (request: Request, response: Response, body: Buffer) => void {
  return (_request, _response, body) => {
    if (jsonDepthExceeds(body, maxDepth)) {
      throw Object.assign(new Error(`JSON nested deeper than ${maxDepth} levels`), { status: 400, type: 'entity.too.deep' });
    }
  };
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True if brackets outside strings nest deeper than `maxDepth` (UTF-8 continuation bytes are ≥ 0x80, never confused). */
export function jsonDepthExceeds(body: Buffer | string, maxDepth: number): boolean {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/**
 * Where `__proto__`, `constructor` or `prototype` appear as keys, as field paths. Iterative and
 * bounded by `maxDepth` (deeper parts are not walked: the depth check refuses them anyway).
 */
export function forbiddenKeyPaths(value: unknown, root = '', maxDepth = MAX_JSON_DEPTH + 1): string[] {
  const found: string[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (item.value === null || typeof item.value !== 'object' || item.depth > maxDepth) continue;
    if (Array.isArray(item.value)) {
      item.value.forEach((element, index) => pending.push({ value: element, path: `${item.path}[${index}]`, depth: item.depth + 1 }));
      continue;
    }
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) found.push(path);
      else pending.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return found.sort();
}

export function forbiddenKeyErrors(paths: string[]): FieldError[] {
  return paths.map((field) => ({ field, messages: [`${field.split('.').pop()} is not allowed as a field name`] }));
}

/** After parsing: no prototype-reaching keys anywhere in the body or the query string. */
export function refuseForbiddenKeys(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const paths = [...forbiddenKeyPaths(request.body), ...forbiddenKeyPaths(request.query, 'query')];
    if (paths.length > 0) return next(new InvalidInputException(forbiddenKeyErrors(paths)));
    next();
  };
}

/**
 * Express error middleware placed right after the body middlewares: what they refuse (413, 415,
 * invalid JSON, too deep, forbidden keys) is answered as problem+json, like everything else.
 * Nest's own error hook would turn a JSON SyntaxError into a bare "bad-request" quoting the parser.
 */
export function answerBodyErrors(): (error: unknown, request: Request, response: Response, next: NextFunction) => void {
  const logger = new Logger('HTTP');
  return (error, request, response, _next) => sendProblem(request, response, error, logger);
}
