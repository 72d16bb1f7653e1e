import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { parseStreamName } from '@channel-ledger/application';

export const METRICS = Symbol('Metrics');

/**
 * The API's Prometheus metrics (prom-client), served at `GET /metrics`. One registry per
 * application instance (tests start many in one process); Node's process metrics (CPU, memory,
 * event loop, GC) come from one registry per process, merged in at scrape time.
 *
 * Names follow Prometheus conventions: `_total` counters, `_seconds` durations, base units.
 * Labels are bounded: command names come from the route handlers, routes are Express patterns
 * (`/subscriptions/:subscriptionId/seats`), never raw URLs or ids.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'channel_ledger_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly httpInFlight = new Gauge({
    name: 'channel_ledger_http_requests_in_flight',
    help: 'HTTP requests being served right now',
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'channel_ledger_commands_total',
    help: 'Commands (write requests that reached their handler) by command and outcome: accepted, invalid, refused (a business rule), conflict, not-found, forbidden, throttled, error',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'channel_ledger_event_store_append_duration_seconds',
    help: 'Appends to the event store by stream category and outcome (ok, conflict, duplicate, invalid, too-large, error), and how long they took',
    labelNames: ['category', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'channel_ledger_events_appended_total',
    help: 'Events appended, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly conflicts = new Counter({
    name: 'channel_ledger_append_conflicts_total',
    help: 'Appends refused because the stream moved since it was read (optimistic concurrency), by stream category',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'channel_ledger_command_retries_total',
    help: 'Appends that retried a command after a conflict (decided again on fresh state), by stream category',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'channel_ledger_projection_position',
    help: 'Log position of the documents a projection serves (its checkpoint)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'channel_ledger_projection_lag',
    help: 'Head position minus the projection checkpoint (SQLite: events behind; EventStoreDB: log bytes behind, 0 = caught up)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'channel_ledger_projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet (0 = caught up)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionFailed = new Gauge({
    name: 'channel_ledger_projection_failed',
    help: '1 while a projection is stopped on a failure (see GET /projections), else 0',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly headPosition = new Gauge({
    name: 'channel_ledger_event_store_head_position',
    help: 'Position of the last event in the log',
    registers: [this.registry],
  });

  readonly subscriptionDrops = new Counter({
    name: 'channel_ledger_event_store_subscription_drops_total',
    help: 'Live $all subscriptions dropped by EventStoreDB (each resubscribes), and stopped for good',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  async text(): Promise<string> {
    return Registry.merge([this.registry, processRegistry()]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

let processMetrics: Registry | null = null;

function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: 'channel_ledger_' });
  }
  return processMetrics;
}

/** `subscription` of `subscription-0a1b…`, `issuance-right` of `issuance-right-…`: the bounded label of a stream. */
export function streamCategory(streamId: string): string {
  return parseStreamName(streamId)?.category ?? 'other';
}
