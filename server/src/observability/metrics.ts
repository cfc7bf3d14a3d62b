import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database';

const ingestPaths = new Map([
  ['/api/v1/detections', 'detections'],
  ['/api/v1/social-reports', 'social-reports'],
  ['/api/v1/cap', 'cap'],
]);

// Seconds; ingest and queries are expected in milliseconds, a slow disk or lock shows in the upper buckets.
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Rasd's Prometheus metrics. One registry per application (not prom-client's global one), so the
 * test suites can run several applications in one process without their figures mixing.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    ingestRequests: new Counter({
      name: 'rasd_ingest_requests_total',
      help: 'Ingest calls answered, by endpoint and HTTP status (201 stored, 200 duplicate, 503 database down).',
      labelNames: ['endpoint', 'status'] as const,
      registers: [registry],
    }),
    ingestDuration: new Histogram({
      name: 'rasd_ingest_duration_seconds',
      help: 'Time to answer an ingest call (validate, store, publish).',
      labelNames: ['endpoint'] as const,
      buckets: latencyBuckets,
      registers: [registry],
    }),
    ingestBatchSize: new Histogram({
      name: 'rasd_ingest_batch_detections',
      help: 'Detections written per group-commit transaction: above 1 when they arrive faster than one commit.',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200],
      registers: [registry],
    }),
    fanoutDuration: new Histogram({
      name: 'rasd_fanout_seconds',
      help: 'Fan-out latency. stage="emit": handing a stored change to socket.io on the instance that stored it; stage="redis": from its entry in the Redis stream to its arrival at this instance.',
      labelNames: ['stage'] as const,
      buckets: latencyBuckets,
      registers: [registry],
    }),
    publishedEvents: new Counter({
      name: 'rasd_published_events_total',
      help: 'Live events published after their change was stored.',
      labelNames: ['event'] as const,
      registers: [registry],
    }),
    connectedClients: new Gauge({
      name: 'rasd_connected_clients',
      help: 'Dashboards connected to this instance, by role.',
      labelNames: ['role'] as const,
      registers: [registry],
    }),
    dbDuration: new Histogram({
      name: 'rasd_db_seconds',
      help: 'Database latency: single statements (op="query") and whole transactions (op="transaction"), by outcome.',
      labelNames: ['op', 'outcome'] as const,
      buckets: latencyBuckets,
      registers: [registry],
    }),
    webhookLag: new Gauge({
      name: 'rasd_webhook_lag_changes',
      help: 'Changes the slowest active webhook endpoint has yet to receive (its outbox backlog).',
      registers: [registry],
    }),
    fanoutRepairs: new Counter({
      name: 'rasd_fanout_repairs_total',
      help: 'Times this instance re-sent recent changes to its dashboards after the Redis fan-out came back.',
      registers: [registry],
    }),
    sweptChanges: new Counter({
      name: 'rasd_fanout_swept_total',
      help: 'Changes this instance sent its dashboards because the fan-out had not delivered them (an instance died between commit and publish).',
      registers: [registry],
    }),
    draining: new Gauge({
      name: 'rasd_draining',
      help: '1 while the instance is shutting down and draining requests.',
      registers: [registry],
    }),
  };
  return metrics;
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Times every call to the database, so slow storage shows before it becomes an outage. */
export function instrumentDatabase(db: Database, metrics: Metrics): Database {
  const timed = async <T>(op: 'query' | 'transaction', run: () => Promise<T>): Promise<T> => {
    const stop = metrics.dbDuration.startTimer({ op });
    try {
      const result = await run();
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: (error as { code?: unknown }).code === 'unavailable' ? 'unavailable' : 'error' });
      throw error;
    }
  };
  return {
    kind: db.kind,
    query: (sql, params) => timed('query', () => db.query(sql, params)),
    transaction: (fn) => timed('transaction', () => db.transaction(fn)),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
}

/** Counts and times the ingest endpoints from the HTTP edge, whatever their outcome. */
export function ingestMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const endpoint = req.method === 'POST' ? ingestPaths.get(req.path) : undefined;
    if (endpoint) {
      const stop = metrics.ingestDuration.startTimer({ endpoint });
      res.once('finish', () => {
        stop();
        metrics.ingestRequests.inc({ endpoint, status: String(res.statusCode) });
      });
    }
    next();
  };
}

/** The webhooks' backlog, read at scrape time; a database that does not answer in a second leaves it unset. */
export function watchWebhookLag(db: Database, metrics: Metrics): void {
  const gauge = metrics.webhookLag as Gauge & { collect?: () => Promise<void> };
  gauge.collect = async () => {
    const lag = db.query<{ lag: number | null }>(
      `SELECT (SELECT last_value FROM change_seq) - min(cursor_seq) AS lag FROM webhooks WHERE active`,
    );
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000).unref());
    const rows = await Promise.race([lag, timeout]).catch(() => null);
    if (rows) gauge.set(Math.max(0, Number(rows[0]?.lag ?? 0)));
  };
}
