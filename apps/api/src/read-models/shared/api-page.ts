import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * A cursor-paged list answer: `{ items, nextCursor }` (nextCursor null on the last page), plus any
 * extra fields; and the 503 a list answers while a new read-model version is being built (listRead).
 */
export function ApiPage(item: Type<unknown>, description: string, extra: Record<string, object> = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiServiceUnavailableResponse({ description: 'problem codes: read-model-rebuilding (retry after Retry-After seconds)' }),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor', ...Object.keys(extra)],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true, description: 'Pass back as `cursor` for the next page; null on the last page.' },
          ...extra,
        },
      },
    }),
  );
}
