import { ValidationPipe } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';

/** Unknown fields are refused rather than silently dropped: a typo must not look like success. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => InvalidInputException.fromValidationErrors(errors),
  });
}
