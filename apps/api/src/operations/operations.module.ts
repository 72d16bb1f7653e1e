import {
  DynamicModule,
  Inject,
  Logger,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { ProjectionsModule } from '../projections/projections.module';
import { CommandMetricsInterceptor } from './command-metrics.interceptor';
import { DrainMiddleware, GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { InstrumentedEventStore } from './instrumented-event-store';
import { loggerParams } from './logging';
import { Metrics, METRICS } from './metrics';
import { MetricsController } from './metrics.controller';
import { ProjectionObserver } from './projection-observer';
import { ReadinessIndicators } from './readiness';

/**
 * Running the API in production: `GET /health` (liveness) and `GET /health/ready` (readiness),
 * `GET /metrics` (Prometheus), structured JSON logs (nestjs-pino; bootstrap.ts makes them Nest's
 * logger) and graceful shutdown. Metrics are counted by a decorator of the EventStore port
 * (InfrastructureModule wraps the store it opens), by a hook on the HTTP server and by an
 * interceptor that names commands; nothing in the command pipeline or the handlers changes.
 */
@Module({})
export class OperationsModule implements NestModule, OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OperationsModule,
      imports: [
        LoggerModule.forRoot({ ...loggerParams(config), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] }),
        TerminusModule.forRoot({ logger: false }),
        ProjectionsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ProjectionObserver,
        ReadinessIndicators,
        GracefulShutdown,
        DrainMiddleware,
        { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DrainMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  /** EventStoreDB subscription drops are logged and counted (readiness shows the last one). */
  onApplicationBootstrap(): void {
    const esdb = this.eventStore instanceof InstrumentedEventStore ? this.eventStore.eventStoreDb : null;
    const logger = new Logger('EventStore');
    esdb?.onSubscriptionIncident((incident) => {
      this.metrics.subscriptionDrops.inc({ kind: incident.kind });
      const where = `after position ${incident.after ?? 'start'}`;
      if (incident.kind === 'stopped') logger.error(`$all subscription stopped ${where}: ${incident.reason}`);
      else
        logger.warn(
          `$all subscription dropped ${where} (${incident.reason}); resubscribing in ${incident.retryInMs} ms (drop ${incident.consecutiveDrops} in a row)`,
        );
    });
  }
}
