import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  incidentListQuerySchema,
  type Alert,
  type ClientToServerEvents,
  type Incident,
  type ServerToClientEvents,
  type SessionUser,
} from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import { AppError } from '../errors';
import { sessionIdOf } from '../http/auth.middleware';
import { isAllowedOrigin } from '../http/origin';
import type { IncidentQueryService } from '../services/incident-query.service';
import type { Publisher } from '../services/publisher';

interface SocketData {
  user: SessionUser;
}
export type RasdServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const deskRoom = 'desk';

function toAck(error: unknown) {
  return error instanceof AppError ? error.toBody() : new AppError('internal', 'internal error').toBody();
}

/** socket.io on the same origin: Origin checked at the handshake, the session cookie at connect. */
export function createRealtime(
  httpServer: HttpServer,
  deps: { sessions: SessionService; incidents: IncidentQueryService; allowedOrigins: readonly string[] },
) {
  const io: RasdServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // `cors` alone would still let a foreign page's handshake through; this refuses it.
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req.headers.origin, req.headers.host, deps.allowedOrigins)),
  });

  io.use(async (socket, next) => {
    try {
      const user = await deps.sessions.authenticate(sessionIdOf(socket.request.headers.cookie));
      if (!user) return next(new Error('unauthorized'));
      socket.data.user = user;
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    void socket.join(deskRoom);
    socket.on('incidents:since', async (request, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const query = incidentListQuerySchema.pick({ since: true }).required().safeParse(request);
        if (!query.success) throw new AppError('invalid_input', 'since must be a non-negative integer');
        ack({ data: await deps.incidents.list({ since: query.data.since, limit: 5000 }) });
      } catch (error) {
        ack(toAck(error));
      }
    });
  });

  const publisher: Publisher = {
    incidentChanged: (incident: Incident) => io.to(deskRoom).emit('incident:upsert', incident),
    alertStored: (alert: Alert) => io.to(deskRoom).emit('alert:new', { alert, incidentId: alert.incidentId }),
  };
  return { io, publisher };
}
