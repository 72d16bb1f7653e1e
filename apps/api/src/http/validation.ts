import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';
import { forbiddenKeyErrors, forbiddenKeyPaths } from './request-body';

/**
 * Unknown fields are refused rather than silently dropped: a typo must not look like success.
 * `__proto__`, `constructor` and `prototype` are refused too, by name, before class-transformer
 * runs: it skips such keys silently, so whitelisting alone would never report them.
 */
export function createValidationPipe(): ValidationPipe {
  return new RefusingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => InvalidInputException.fromValidationErrors(errors),
  });
}

class RefusingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const paths = forbiddenKeyPaths(value, metadata.type === 'query' ? 'query' : '');
      if (paths.length > 0) throw new InvalidInputException(forbiddenKeyErrors(paths));
    }
    return super.transform(value, metadata);
  }
}
