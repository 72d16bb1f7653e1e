import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addProblemResponses } from './problem-responses';
import { listRoutes } from './routes';
import { addValidatedFields } from './validator-schemas';

export const OPENAPI_JSON_PATH = '/openapi.json';
export const OPENAPI_UI_PATH = '/docs';

const DESCRIPTION = `The event-sourced ledger of a vendor's sales through resellers: commands in, read models out.

Every route but registration, sign-in and a few public ones needs a signed-in principal:
a person's access token (\`Authorization: Bearer <token>\`, from a one-time sign-in link) or a machine's
API key (\`Authorization: ApiKey <key>\`, or \`X-Api-Key: <key>\`). Every refusal is
\`application/problem+json\` (ProblemDetails) with a stable \`code\`; another tenant's resource is a 404.
Lists are paged with an opaque cursor: pass \`nextCursor\` back as \`cursor\`. Writes accept an
\`Idempotency-Key\` header, so a retry never records anything twice.`;

/** The document: what the controllers' decorators say, plus validation-derived fields and the problem responses. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Channel ledger API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token of a signed-in person.' }, 'bearer')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'Authorization', description: 'A machine client\'s API key, sent as "ApiKey <key>".' },
      'api-key',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addValidatedFields(document, listRoutes(app));
  addProblemResponses(document);
  return document;
}

/**
 * Serves the OpenAPI document at /openapi.json and Swagger UI at /docs. Both are plain Express
 * routes, registered beside (not through) the Nest router, so the access guard never sees them:
 * they are readable without signing in. The document is built on the first request, once every
 * module's controllers are registered.
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Channel ledger API',
    swaggerOptions: { persistAuthorization: true },
  });
}
