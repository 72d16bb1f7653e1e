import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Allow } from '../access/access.decorator';
import { Metrics, METRICS } from './metrics';
import { ProjectionObserver } from './projection-observer';

/**
 * Prometheus metrics, for operators: a signed-in operator, or a machine with an operator's API
 * key (Prometheus scrapes with `authorization: { type: ApiKey, credentials: <key> }`, i.e. the
 * header `Authorization: ApiKey <key>`; make the key read-only). Not public: the counters tell
 * how much business is done. Not rate limited, so a short scrape interval is never refused.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    private readonly observer: ProjectionObserver,
  ) {}

  @Get()
  @Allow('operator')
  @SkipThrottle()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4' })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.refreshProjectionGauges();
    response.type(this.metrics.contentType);
    return this.metrics.text();
  }

  private async refreshProjectionGauges(): Promise<void> {
    try {
      const snapshot = await this.observer.observe();
      this.metrics.headPosition.set(Number(snapshot.headPosition));
      for (const p of snapshot.projections) {
        this.metrics.projectionPosition.set({ projection: p.name }, Number(p.position));
        this.metrics.projectionLag.set({ projection: p.name }, Number(p.lag));
        this.metrics.projectionLagSeconds.set({ projection: p.name }, p.lagSeconds);
        this.metrics.projectionFailed.set({ projection: p.name }, p.state === 'failed' ? 1 : 0);
      }
    } catch {
      // A store that does not answer leaves the last values; readiness reports it.
    }
  }
}
