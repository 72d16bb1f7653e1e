import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig } from '@channel-ledger/application';
import { createValidationPipe } from './http/validation';
import { setupOpenApi } from './openapi/openapi';

/** Builds the HTTP application the same way for `main.ts` and for end-to-end tests. */
export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: options.logger,
    bodyParser: true,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: '256kb' });
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
