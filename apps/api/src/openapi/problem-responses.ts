import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '../http/problem-details';

/** The shape of apps/api/src/http/problem-details.ts, as OpenAPI components. */
export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    required: ['field', 'messages'],
    properties: {
      field: { type: 'string', example: 'seats', description: 'The wrong field (nested fields dotted, headers as `header:Name`).' },
      messages: { type: 'array', items: { type: 'string' }, example: ['seats must not be less than 1'] },
    },
  },
  ProblemDetails: {
    type: 'object',
    description: 'RFC 9457 problem details: the one shape every refusal and error has (content type application/problem+json).',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://channel-ledger.dev/problems/transfer-expired' },
      title: { type: 'string', example: 'The request breaks a business rule' },
      status: { type: 'integer', example: 422 },
      detail: {
        type: 'string',
        description: 'A sentence a person understands.',
        example: 'The ownership offer expired on 2026-01-22; initiate it again.',
      },
      code: { type: 'string', description: "Stable machine-readable code: the rule's name for refusals.", example: 'transfer-expired' },
      instance: { type: 'string', description: 'The request path.', example: '/organizations/globex/ownership-transfer/accept' },
      errors: {
        type: 'array',
        items: { $ref: '#/components/schemas/FieldError' },
        description: 'For invalid-input: every wrong field, with every reason.',
      },
    },
  },
};

/** What each status means across the API, with the codes a caller meets. */
const GENERIC: Record<number, string> = {
  400: 'Invalid input (code invalid-input): `errors` lists every wrong field, unknown fields included.',
  401: 'Not signed in, or the access token / API key does not verify (code unauthenticated).',
  403: 'Signed in, but this role may not use this route (forbidden-for-role), or a read-only API key tried to write (read-only-api-key).',
  404: "Not found (codes ending in -not-found). Another tenant's resource is answered exactly like a missing one.",
  409: 'Someone else changed the same thing at the same time (concurrent-modification); retrying is safe with the same Idempotency-Key.',
  413: 'The body is larger than the API accepts (payload-too-large).',
  415: 'The body is not application/json (unsupported-media-type).',
  422: "A business rule refused the request; `code` is the rule's name and `detail` says what to do.",
  429: 'Too many requests (too-many-requests); wait the seconds Retry-After names and try again.',
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** The statuses every operation documents unless it declares its own: what the guard, the validation pipe and the filter can answer. */
function defaultStatuses(method: string, operation: OperationObject): number[] {
  const secured = (operation.security ?? []).length > 0;
  const body = operation.requestBody ? [413, 415] : [];
  return [400, ...(secured ? [401, 403] : []), 404, ...(WRITES.has(method) ? [409, ...body, 422] : []), 429];
}

const problemContent = () => ({ [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } });

/**
 * Adds the ProblemDetails component, gives every declared error response (a controller's
 * `@ApiResponse({ status: 422, description: 'problem codes: …' })`) the problem+json body, and
 * adds the generic error responses an operation did not declare, so every route documents its
 * problem codes without repeating them on each controller.
 */
export function addProblemResponses(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, OperationObject][]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) response.content = problemContent();
      }
      for (const status of defaultStatuses(method, operation)) {
        responses[status] ??= { description: GENERIC[status], content: problemContent() };
      }
    }
  }
}
