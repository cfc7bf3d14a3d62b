import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { corridors, limits } from '@rasd/shared';
import { createLoginService } from './auth/login.service';
import { createSessionService } from './auth/session.service';
import { createUserService } from './auth/user.service';
import { adminRoutes } from './http/admin.routes';
import { incidentCommandRoutes } from './http/incident-commands.routes';
import { createAuditService } from './services/audit.service';
import { createEscalationService } from './services/escalation.service';
import { findUnitByKey } from './services/unit.service';
import { createIncidentCommandService } from './services/incident-command.service';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { createCorridorLocator } from './domain/corridor-locator';
import { AppError } from './errors';
import { detectionRoutes } from './http/detections.routes';
import { ingestRateLimit } from './http/ingest-rate-limit';
import { errorMiddleware } from './http/error.middleware';
import { healthRoutes } from './http/health.routes';
import { incidentRoutes } from './http/incidents.routes';
import { buildOpenApiDocument } from './http/openapi';
import { isAllowedOrigin } from './http/origin';
import { sessionRoutes } from './http/session.routes';
import type { Fanout } from './realtime/redis-fanout';
import { createRealtime } from './realtime/socket';
import { guardSlowConsumers } from './realtime/slow-consumer-guard';
import { classifyKind, normalise, triagePost } from './domain/triage';
import { apiDocsRoutes } from './http/api-docs.routes';
import { capRoutes } from './http/cap.routes';
import { webhookRoutes } from './http/webhook.routes';
import { createWebhookService } from './services/webhook.service';
import { createCapIngestService } from './services/cap-ingest.service';
import { socialReportRoutes } from './http/social-reports.routes';
import { createSocialIngestService } from './services/social-ingest.service';
import { oversightRoutes } from './http/oversight.routes';
import { wallRoutes } from './http/wall.routes';
import { createWallService } from './services/wall.service';
import { createOversightService } from './services/oversight.service';
import { commanderRoutes } from './http/commander.routes';
import { historyRoutes } from './http/history.routes';
import { createCommanderService } from './services/commander.service';
import { createHistoryService } from './services/history.service';
import { createIncidentQueryService } from './services/incident-query.service';
import { createIngestService } from './services/ingest.service';
import { roadGeography } from './domain/road-geography';
import { dispatchRoutes } from './http/dispatch.routes';
import { unitRoutes } from './http/unit.routes';
import { createPatrol } from './services/patrol';
import { createTrackFolder } from './services/track-fold.service';
import { createDrain } from './lifecycle/drain';
import { createMetrics, ingestMetricsMiddleware, instrumentDatabase, watchWebhookLag } from './observability/metrics';
import { metricsRoutes } from './observability/metrics.routes';
import { requestLog } from './observability/request-log';
import { startDeliverySweep } from './realtime/delivery-sweep';
import { startFanoutRepair } from './realtime/fanout-repair';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * How long an idle keep-alive connection stays open: longer than its clients keep theirs (nginx's
 * upstream keepalive_timeout is 60 s; camera gateways reuse connections too), so the client is the
 * side that closes it. With Node's 5 s, a request sent as the server closed the connection was reset
 * (ECONNRESET: bench section 1 at 1,000 detections/s).
 */
const keepAliveIdleMs = 65_000;

/** Half of a UTF-16 surrogate pair without its other half (a paired one is one code point under /u). */
const loneSurrogate = /\p{Cs}/u;

/**
 * Text PostgreSQL cannot hold, which no legitimate field needs: U+0000, and a lone surrogate (not
 * Unicode; in a jsonb document PostgreSQL refuses the whole statement). Such a body is malformed.
 */
function refuseUnstorableText(key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw new SyntaxError('text may not contain NUL (U+0000) characters');
  if (loneSurrogate.test(key) || (typeof value === 'string' && loneSurrogate.test(value))) throw new SyntaxError('text may not contain unpaired UTF-16 surrogates (not Unicode characters)');
  return value;
}

/** The composition root: everything Rasd serves, built from the dependencies passed in. */
export async function createApplication(config: Config, deps: { db: Database; log: Logger; fanout?: Fanout | null }) {
  const { log } = deps;
  const metrics = createMetrics();
  const db = instrumentDatabase(deps.db, metrics);
  await migrate(db);
  const audit = createAuditService(db);
  const sessions = createSessionService(db, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours });
  const logins = createLoginService(db, sessions, audit, config.login);
  await sessions.bootstrapUsers(config.users);
  const incidents = createIncidentQueryService(db);

  const app = express();
  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = keepAliveIdleMs;
  const realtime = createRealtime(httpServer, {
    sessions,
    incidents,
    allowedOrigins: config.allowedOrigins,
    adapter: deps.fanout?.adapter,
    metrics,
    liveFrameMs: config.liveFrameMs,
    liveFramesPerS: config.liveFramesPerS,
    authenticateUnit: (key) => findUnitByKey(db, key),
  });
  const { io, publisher } = realtime;
  const stopGuard = guardSlowConsumers(io, config.slowConsumer, 1_000, (id) => log.warn({ socket: id }, 'slow consumer disconnected'));
  const drain = createDrain(httpServer, () => metrics.draining.set(1));
  const stopRepair = deps.fanout
    ? startFanoutRepair({ fanout: deps.fanout, incidents, emitLocal: realtime.emitLocally, log, onRepaired: () => metrics.fanoutRepairs.inc() })
    : () => undefined;
  const sweep = deps.fanout ? startDeliverySweep({ db, emitLocal: realtime.emitLocally, log, onSwept: (n) => metrics.sweptChanges.inc(n) }) : null;
  if (sweep) realtime.onDelivered(sweep.noteDelivered);
  watchWebhookLag(db, metrics);
  const users = createUserService(db, audit, realtime.disconnectUser);
  const locateCorridor = createCorridorLocator(corridors.features);
  const geo = roadGeography();
  const ingest = createIngestService({
    db,
    publisher,
    locateCorridor,
    tracks: createTrackFolder(geo.registry),
    onBatch: (size) => metrics.ingestBatchSize.observe(size),
  });
  const commands = createIncidentCommandService(db, audit, publisher);
  const patrol = createPatrol(db, audit, commands, realtime, geo);
  const social = createSocialIngestService(db, publisher, { triage: (report, now) => triagePost(report, now), normalise }, audit, config.corroboration);
  const stopEscalation = createEscalationService(db, commands, config.escalateAfterS).start((err) => log.error({ err }, 'escalation sweep failed'));

  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind nginx every request comes from the proxy: believe its X-Forwarded-For, and only its.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // First, so every request is counted in flight for the drain, logged with its id, and timed.
  app.use(drain.middleware);
  app.use(requestLog(log));
  app.use(ingestMetricsMiddleware(metrics));
  const tileOrigin = config.tileUrl ? new URL(config.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin : null;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : []), ...config.mediaOrigins],
          mediaSrc: ["'self'", ...config.mediaOrigins],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // A state-changing call from a browser must come from our own page (CSRF).
    if (stateChanging.has(req.method) && !isAllowedOrigin(req.headers.origin, req.headers.host, config.allowedOrigins)) {
      throw new AppError('forbidden', 'foreign Origin');
    }
    next();
  });
  app.use(express.json({ limit: limits.bodyBytesMax, reviver: refuseUnstorableText }));
  // The ingest endpoints first: cameras post hundreds of times a second, and no other router's paths overlap theirs.
  const limit = ingestRateLimit(config.ingestPerSecond);
  app.use(detectionRoutes(ingest, config.ingestKeys, limit));
  app.use(socialReportRoutes(social, config.ingestKeys, limit));

  app.use(healthRoutes({ database: () => db.query('SELECT 1'), ...(deps.fanout ? { redis: deps.fanout.ping } : {}) }, () => drain.draining));
  app.use(metricsRoutes(metrics, config.metricsToken));
  const openapi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(apiDocsRoutes());
  app.get('/api/v1/client-config', (_req, res) => {
    res.json({ tileUrl: config.tileUrl });
  });
  app.use(sessionRoutes(sessions, logins, { secure: config.secureCookies, maxAgeMs: config.sessionMaxHours * 3_600_000 }, realtime.disconnectSession));
  const capIn = createCapIngestService(db, publisher, audit, { classify: (text) => classifyKind(text).kind, locateCorridor });
  app.use(capRoutes({ sessions, keys: config.ingestKeys, limit, capIn, incidents, sender: config.capSender }));
  app.use(incidentRoutes(sessions, incidents));
  app.use(incidentCommandRoutes(sessions, users, commands));
  app.use(unitRoutes(sessions, patrol.units, incidents, patrol.dispatch));
  app.use(dispatchRoutes(sessions, patrol.dispatch));
  app.use(adminRoutes(sessions, users, audit));
  const oversight = createOversightService(db, { shiftStarts: config.shiftStarts });
  app.use(oversightRoutes(sessions, oversight));
  app.use(commanderRoutes(sessions, oversight, createCommanderService(db, audit, oversight)));
  app.use(historyRoutes(sessions, createHistoryService(db, audit)));
  app.use(wallRoutes(sessions, createWallService(db)));
  const webhooks = createWebhookService(db, audit, { ...config.webhooks, instanceId: randomUUID() });
  app.use(webhookRoutes(sessions, webhooks));
  const stopWebhooks = webhooks.start(Math.min(1_000, config.webhooks.retryBaseMs), (err) => log.error({ err }, 'webhook round failed'));
  app.use('/api', () => {
    throw new AppError('not_found', 'no such endpoint');
  });

  const clientDir = config.clientDir ?? path.resolve(import.meta.dirname, '../../client/dist');
  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/, /wall, /unit …) all load the single page.
    app.get('/{*splat}', (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'), { maxAge: 0 });
    });
  } else {
    log.warn({ clientDir }, 'client build not found; serving the API only (run pnpm build)');
  }
  app.use(errorMiddleware(log, (actor, attempt) => audit.record({ actor, action: 'security.forbidden', incidentId: null, data: attempt })));

  return {
    httpServer,
    io,
    ingest,
    social,
    patrol,
    async listen(port: number, host: string): Promise<number> {
      await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    metrics,
    /**
     * Graceful shutdown: answer /readyz 503, stop listening (after RASD_SHUTDOWN_DELAY_S), let requests in flight finish (up to
     * RASD_DRAIN_TIMEOUT_S), then close every socket (dashboards reconnect to another instance and
     * catch up) and the background loops. True when no request had to be cut short.
     */
    async close(): Promise<boolean> {
      const drained = await drain.drain({ delayMs: config.shutdownDelayS * 1000, timeoutMs: config.drainTimeoutS * 1000 });
      stopEscalation();
      stopGuard();
      stopWebhooks();
      stopRepair();
      sweep?.stop();
      realtime.flushLive();
      // io.close() closes the HTTP server and waits for its last connection: the requests in flight
      // are done (or timed out), so idle keep-alive connections end now rather than after 65 s.
      const ioClosed = io.close();
      httpServer.closeAllConnections();
      await ioClosed;
      await drain.closed();
      return drained;
    },
  };
}
export type Application = Awaited<ReturnType<typeof createApplication>>;
