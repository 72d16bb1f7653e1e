import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../access/access.decorator';
import { ReadinessIndicators } from './readiness';

/**
 * Liveness and readiness for orchestrators and load balancers (terminus). Public and not rate
 * limited: probes carry no credentials and come every few seconds; the answers hold no business
 * data (states, positions and lag of the read models, which store kinds are in use).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly started = Date.now();

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  /** Liveness: the process answers. It stays up while draining, so a shutdown is not cut short. */
  @Get()
  @Public()
  @SkipThrottle()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The process is alive: `{ "status": "ok", "info": { "process": { "status": "up", … } } }`' })
  async liveness(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => this.indicators.check('process').up({ pid: process.pid, uptimeSeconds: Math.round((Date.now() - this.started) / 1000) }),
    ]);
  }

  /** Readiness: stores reachable, projections running and not too far behind, not shutting down. */
  @Get('ready')
  @Public()
  @SkipThrottle()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Ready for traffic: every check is up (see `details`).' })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: `error` names each check that is down and why (terminus shape, not problem+json).',
  })
  async readinessCheck(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.readiness.all());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
