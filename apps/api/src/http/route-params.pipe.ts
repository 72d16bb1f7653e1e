import { ArgumentMetadata, HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { CodedHttpException } from '../access/access-errors';

/** Longest id a path may carry (UUIDs are 36, e-mail addresses at most 254 but never in paths). */
export const MAX_ID_LENGTH = 200;

/** Letters, digits and `. _ ~ @ + : = -`: enough for UUIDs, slugs and tokens; no `/`, `%`, spaces or unicode. */
const SAFE_ID = /^[A-Za-z0-9._~@+:=-]+$/;

/**
 * Global: every path parameter is checked before any other pipe or handler sees it, so a 600
 * character id, `../..`, a percent-decoded `/` or unicode is a 400 `invalid-id`, never a lookup.
 */
@Injectable()
export class RouteParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    if (metadata.data !== undefined) {
      checkId(metadata.data, value);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, param] of Object.entries(value)) checkId(name, param);
    }
    return value;
  }
}

export function isSafeId(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_ID_LENGTH && SAFE_ID.test(value) && !value.includes('..');
}

function checkId(name: string, value: unknown): void {
  if (typeof value === 'string' && isSafeId(value)) return;
  const length = typeof value === 'string' ? value.length : 0;
  throw new CodedHttpException(
    HttpStatus.BAD_REQUEST,
    'invalid-id',
    `Path parameter ${name} must be 1-${MAX_ID_LENGTH} letters, digits or . _ ~ @ + : = - (got ${length} characters).`,
  );
}
