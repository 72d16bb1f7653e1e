import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** A cursor-paged list answer: `{ items, nextCursor }` (nextCursor null on the last page), plus any extra fields. */
export function ApiPage(item: Type<unknown>, description: string, extra: Record<string, object> = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
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
