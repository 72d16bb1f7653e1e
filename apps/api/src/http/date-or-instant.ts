import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date or an instant with its offset; a local time without zone would depend on the server's. */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function IsDateOrInstant(name: string): PropertyDecorator {
  const message = `${name} must be a date (2026-03-01) or an instant with its offset (2026-03-01T12:00:00Z)`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(DATE_OR_INSTANT, { message }));
}
