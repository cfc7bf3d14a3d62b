import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { corridors, limits } from '@rasd/shared';
import { createSessionService } from './auth/session.service';
import { createUserService } from './auth/user.service';
import { adminRoutes } from './http/admin.routes';
import { incidentCommandRoutes } from './http/incident-commands.routes';
import { createAuditService } from './services/audit.service';
import { createEscalationService } from './services/escalation.service';
import { createIncidentCommandService } from './services/incident-command.service';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { createCorridorLocator } from './domain/corridor-locator';
import { AppError } from './errors';
import { detectionRoutes } from './http/detections.routes';
import { errorMiddleware } from './http/error.middleware';
import { healthRoutes } from './http/health.routes';
import { incidentRoutes } from './http/incidents.routes';
import { buildOpenApiDocument } from './http/openapi';
import { isAllowedOrigin } from './http/origin';
import { sessionRoutes } from './http/session.routes';
import type { Fanout } from './realtime/redis-fanout';
import { createRealtime } from './realtime/socket';
import { classifyKind, normalise, triagePost } from './domain/triage';
import { apiDocsRoutes } from './http/api-docs.routes';
import { capRoutes } from './http/cap.routes';
import { webhookRoutes } from './http/webhook.routes';
import { createWebhookService } from './services/webhook.service';
import { createCapIngestService } from './services/cap-ingest.service';
import { socialReportRoutes } from './http/social-reports.routes';
import { createSocialIngestService } from './services/social-ingest.service';
import { oversightRoutes } from './http/oversight.routes';
import { createOversightService } from './services/oversight.service';
import { createIncidentQueryService } from './services/incident-query.service';
import { createIngestService } from './services/ingest.service';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The composition root: everything Rasd serves, built from the dependencies passed in. */
export async function createApplication(config: Config, deps: { db: Database; log: Logger; fanout?: Fanout | null }) {
  const { db, log } = deps;
  await migrate(db);
  const audit = createAuditService(db);
  const sessions = createSessionService(db, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }, audit);
  await sessions.bootstrapUsers(config.users);
  const incidents = createIncidentQueryService(db);

  const app = express();
  const httpServer = createServer(app);
  const realtime = createRealtime(httpServer, { sessions, incidents, allowedOrigins: config.allowedOrigins, adapter: deps.fanout?.adapter });
  const { io, publisher } = realtime;
  const users = createUserService(db, audit, realtime.disconnectUser);
  const locateCorridor = createCorridorLocator(corridors.features);
  const ingest = createIngestService(db, publisher, locateCorridor, audit);
  const commands = createIncidentCommandService(db, audit, publisher);
  const social = createSocialIngestService(db, publisher, { triage: (report, now) => triagePost(report, now), normalise }, audit, config.corroboration);
  const stopEscalation = createEscalationService(db, commands, config.escalateAfterS).start((err) => log.error({ err }, 'escalation sweep failed'));

  app.disable('x-powered-by');
  app.set('query parser', 'simple');
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
  app.use(express.json({ limit: limits.bodyBytesMax }));

  app.use(healthRoutes({ database: () => db.query('SELECT 1'), ...(deps.fanout ? { redis: deps.fanout.ping } : {}) }));
  const openapi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(apiDocsRoutes());
  app.get('/api/v1/client-config', (_req, res) => {
    res.json({ tileUrl: config.tileUrl });
  });
  app.use(sessionRoutes(sessions, { secure: config.secureCookies, maxAgeMs: config.sessionMaxHours * 3_600_000 }, realtime.disconnectSession));
  app.use(detectionRoutes(ingest, config.ingestKeys));
  app.use(socialReportRoutes(social, config.ingestKeys));
  const capIn = createCapIngestService(db, publisher, audit, { classify: (text) => classifyKind(text).kind, locateCorridor });
  app.use(capRoutes({ sessions, keys: config.ingestKeys, capIn, incidents, sender: config.capSender }));
  app.use(incidentRoutes(sessions, incidents));
  app.use(incidentCommandRoutes(sessions, users, commands));
  app.use(adminRoutes(sessions, users, audit));
  app.use(oversightRoutes(sessions, createOversightService(db)));
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
  app.use(errorMiddleware(log));

  return {
    httpServer,
    io,
    ingest,
    social,
    async listen(port: number, host: string): Promise<number> {
      await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async close(): Promise<void> {
      stopEscalation();
      stopWebhooks();
      await io.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
export type Application = Awaited<ReturnType<typeof createApplication>>;
