import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  limits,
  type Alert,
  type ClientToServerEvents,
  type Incident,
  type PresencePayload,
  type ServerToClientEvents,
  type SessionUser,
} from '@rasd/shared';
import { allows, type Permission } from '../auth/permissions';
import { hashId, type SessionService } from '../auth/session.service';
import { AppError } from '../errors';
import { sessionIdOf } from '../http/auth.middleware';
import { isAllowedOrigin } from '../http/origin';
import type { IncidentQueryService } from '../services/incident-query.service';
import type { Publisher } from '../services/publisher';

interface SocketData {
  user: SessionUser;
  watching: string | null;
}
export type RasdServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RasdSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const deskRoom = 'desk';
const watchRoom = (incidentId: string) => `watch:${incidentId}`;
const sinceSchema = z.object({ since: z.number().int().min(0) });
const watchSchema = z.object({ incidentId: z.string().min(1).max(limits.idMax).nullable() });

function toAck(error: unknown) {
  return error instanceof AppError ? error.toBody() : new AppError('internal', 'internal error').toBody();
}

/** socket.io on the same origin: Origin checked at the handshake, the session cookie at connect, roles per event. */
export function createRealtime(
  httpServer: HttpServer,
  deps: {
    sessions: SessionService;
    incidents: IncidentQueryService;
    allowedOrigins: readonly string[];
    adapter?: ServerOptions['adapter'];
  },
) {
  const io: RasdServer = new Server(httpServer, {
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // `cors` alone would still let a foreign page's handshake through; this refuses it.
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req.headers.origin, req.headers.host, deps.allowedOrigins)),
  });

  io.use(async (socket, next) => {
    try {
      const sessionId = sessionIdOf(socket.request.headers.cookie);
      const user = await deps.sessions.authenticate(sessionId);
      if (!user) return next(new Error('unauthorized'));
      socket.data.user = user;
      socket.data.watching = null;
      void socket.join([deskRoom, `role:${user.role}`, `user:${user.id}`, `session:${hashId(sessionId!)}`]);
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  async function presenceOf(incidentId: string): Promise<PresencePayload> {
    const sockets = await io.in(watchRoom(incidentId)).fetchSockets();
    return { incidentId, watchers: [...new Set(sockets.map((s) => s.data.user.username))].sort() };
  }
  async function announcePresence(incidentId: string | null) {
    if (incidentId) io.to(deskRoom).emit('presence:update', await presenceOf(incidentId));
  }

  /** Wraps a handler: role check, payload validation, and an ack in the contract's shape. */
  function handle<T, R>(socket: RasdSocket, permission: Permission, schema: z.ZodType<T>, run: (input: T) => Promise<R>) {
    return async (request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      try {
        if (!allows(socket.data.user.role, permission)) throw new AppError('forbidden', `a ${socket.data.user.role} may not do this`);
        const input = schema.safeParse(request);
        if (!input.success) throw new AppError('invalid_input', 'the request is not valid');
        ack({ data: await run(input.data) });
      } catch (error) {
        ack(toAck(error));
      }
    };
  }

  io.on('connection', (socket) => {
    socket.on(
      'incidents:since',
      handle(socket, 'incidents:read', sinceSchema, ({ since }) => deps.incidents.list({ since, limit: 5000 })),
    );
    socket.on(
      'presence:watch',
      handle(socket, 'incidents:read', watchSchema, async ({ incidentId }) => {
        const previous = socket.data.watching;
        if (previous) await socket.leave(watchRoom(previous));
        if (incidentId) await socket.join(watchRoom(incidentId));
        socket.data.watching = incidentId;
        if (previous !== incidentId) await Promise.all([announcePresence(previous), announcePresence(incidentId)]);
        return incidentId ? presenceOf(incidentId) : null;
      }),
    );
    socket.on('disconnect', () => void announcePresence(socket.data.watching));
  });

  const publisher: Publisher = {
    incidentChanged: (incident: Incident) => io.to(deskRoom).emit('incident:upsert', incident),
    alertStored: (alert: Alert) => io.to(deskRoom).emit('alert:new', { alert, incidentId: alert.incidentId }),
    incidentEscalated: (incident: Incident) => io.to('role:commander').emit('incident:escalated', incident),
  };
  return {
    io,
    publisher,
    /** Closes every open socket of a user at once (account disabled, password reset). */
    disconnectUser: (userId: string) => io.in(`user:${userId}`).disconnectSockets(true),
    disconnectSession: (sessionId: string) => io.in(`session:${hashId(sessionId)}`).disconnectSockets(true),
  };
}
