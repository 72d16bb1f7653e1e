import { Inject, Injectable, NestMiddleware, NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '@channel-ledger/application';
import { APP_CONFIG } from '../infrastructure/infrastructure.module';

/**
 * Where the configuration has no test clock (always in production) the sandbox routes do not
 * exist: answered exactly like an unknown route, before authentication, so nobody can tell.
 * Middleware runs before the access guard, which would otherwise answer 401/403 first.
 */
@Injectable()
export class SandboxGate implements NestMiddleware {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    if (!this.config.testClock) throw missingRoute(request);
    next();
  }
}

/** Nest's own answer to an unknown route, word for word. */
export function missingRoute(request: Request): NotFoundException {
  return new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
}
