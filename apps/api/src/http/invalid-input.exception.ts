import { ValidationError } from 'class-validator';
import { FieldError } from './problem-details';

/** Bad input: carries every wrong field, never just the first. */
export class InvalidInputException extends Error {
  override readonly name = 'InvalidInputException';
  constructor(readonly errors: FieldError[]) {
    super(`invalid input: ${errors.map((e) => e.field).join(', ')}`);
  }

  static fromValidationErrors(errors: ValidationError[]): InvalidInputException {
    return new InvalidInputException(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
