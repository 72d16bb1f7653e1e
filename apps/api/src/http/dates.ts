import { ValidateBy, ValidationOptions } from 'class-validator';

/** 2026-03-01, or 2026-03-01T12:00, 2026-03-01T12:00:00Z, 2026-03-01T12:00:00.123+01:00. */
const DATE_OR_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A calendar date or an instant that `new Date()` reads the same way: no week dates
 * (2026-W10), ordinal dates, 2026-02-30 or 24:61. ISO-8601 allows more than JavaScript parses,
 * and what it cannot parse must be a 400, not an Invalid Date thrown later.
 */
export function isCalendarDateOrInstant(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40) return false;
  const match = DATE_OR_INSTANT.exec(value);
  if (!match) return false;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(year) < 1 || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > days) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  const offset = match[7];
  if (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return false;
  return !Number.isNaN(new Date(value).getTime());
}

export function IsCalendarDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDateOrInstant',
      validator: {
        validate: (value) => isCalendarDateOrInstant(value),
        defaultMessage: () => '$property must be a date like 2026-03-01 or an instant like 2026-03-01T12:00:00Z',
      },
    },
    options,
  );
}
