import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { z } from 'zod';
import {
  limits,
  liveBatchAuth,
  type Alert,
  type ClientToServerEvents,
  type Incident,
  type PresencePayload,
  type ServerToClientEvents,
  type SessionUser,
  type Unit,
} from '@rasd/shared';
import { allows, type Permission } from '../auth/permissions';
import { hashId, type SessionService } from '../auth/session.service';
import { AppError } from '../errors';
import { sessionIdOf } from '../http/auth.middleware';
import { isAllowedOrigin } from '../http/origin';
import type { IncidentQueryService } from '../services/incident-query.service';
import type { Publisher } from '../services/publisher';
import type { Metrics } from '../observability/metrics';
import { buildAdapter } from './adapter';
import { createLiveBatcher, frameIntervalMs } from './live-batcher';
import { createUnitChannel } from './unit-channel';
import { HeldPackets, recoveryOptions } from './recovery';

interface SocketData {
  user: SessionUser;
  watching: string | null;
}
export type RasdServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RasdSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const deskRoom = 'desk';
/** Desks that receive incident:upsert and alert:new one by one, and those that asked for live:batch. */
const singleRoom = 'desk:single';
const batchedRoom = 'desk:batched';
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
    metrics?: Metrics;
    liveFrameMs: number;
    /** Frames a second this instance writes to its batched desks in all, at most (see frameIntervalMs). */
    liveFramesPerS: number;
    /** The unit a device's key belongs to (the tablets' push channel). */
    authenticateUnit: (key: string) => Promise<Unit | null>;
  },
) {
  const held = new HeldPackets();
  const { metrics } = deps;
  // Every incident change that reaches this instance's desks, by any path (see delivery-sweep.ts).
  const deliveredListeners = new Set<(seq: number) => void>();
  const noteDelivered = (seq: unknown) => {
    if (typeof seq === 'number') for (const listener of deliveredListeners) listener(seq);
  };
  const io: RasdServer = new Server(httpServer, {
    adapter: buildAdapter(deps.adapter, {
      held,
      ...(metrics
        ? {
            onBroadcastDelivered: (ms: number) => metrics.fanoutDuration.observe({ stage: 'emit' }, ms / 1000),
            onRemoteDelay: (ms: number) => metrics.fanoutDuration.observe({ stage: 'redis' }, ms / 1000),
          }
        : {}),
      onRemotePacket: (data: unknown[]) => {
        if (data[0] === 'incident:upsert') noteDelivered((data[1] as { seq?: unknown } | undefined)?.seq);
        if (data[0] === 'live:batch') for (const incident of (data[1] as { incidents?: { seq?: unknown }[] } | undefined)?.incidents ?? []) noteDelivered(incident.seq);
      },
    }),
    // A fast path only: every (re)connect still catches up with `since`; recovered sockets pass the middleware again.
    connectionStateRecovery: recoveryOptions,
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
      // A recovered socket comes back with its old rooms: it gets the rooms of its fresh authentication only.
      if (socket.recovered) for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room);
      socket.data.user = user;
      socket.data.watching = null;
      const wantsBatches = (socket.handshake.auth as { batch?: unknown } | undefined)?.batch === liveBatchAuth.batch;
      void socket.join([deskRoom, wantsBatches ? batchedRoom : singleRoom, `role:${user.role}`, `user:${user.id}`, `session:${hashId(sessionId!)}`]);
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  const units = createUnitChannel(io as unknown as Server, deps.authenticateUnit);

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
    if (socket.recovered) releaseMissedPackets(socket);
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

  /**
   * Sends what a recovered socket missed, now that it is authenticated again; unless its old session
   * was in a room its fresh one is not (its role changed): those packets may not be its to see, and
   * the catch-up the client runs on connect brings everything it may see anyway.
   */
  function releaseMissedPackets(socket: RasdSocket) {
    const { packets, rooms } = held.take((socket as unknown as { pid: string }).pid);
    const stale = rooms.some((room) => room !== socket.id && !room.startsWith('watch:') && !socket.rooms.has(room));
    if (stale) return;
    // `packet` is socket.io's own way to write one event packet (type 2) to this socket unchanged.
    const write = (socket as unknown as { packet(p: { type: number; data: unknown[] }): void }).packet.bind(socket);
    for (const data of packets) write({ type: 2, data });
  }

  /**
   * Whether a desk in `room` may be listening: one connected here, or one whose
   * session socket.io keeps for recovery. With a shared adapter (Redis) the other instances' desks
   * are not known here, so always. socket.io encodes and keeps (for recovery) every broadcast even
   * when its room is empty: with only batched desks, the single events were two JSON encodings per
   * detection for nobody.
   */
  const sharedAdapter = deps.adapter !== undefined;
  function anyoneIn(room: string): boolean {
    if (sharedAdapter) return true;
    const adapter = io.of('/').adapter as Adapter & { sessions?: Map<string, { rooms: string[] }> };
    if ((adapter.rooms.get(room)?.size ?? 0) > 0) return true;
    for (const session of adapter.sessions?.values() ?? []) if (session.rooms.includes(room)) return true;
    return false;
  }

  /** One flush to every instance's desks: each desk gets the form it asked for. */
  const live = createLiveBatcher({
    frameMs: () => frameIntervalMs(io.of('/').adapter.rooms.get(batchedRoom)?.size ?? 0, deps.liveFrameMs, deps.liveFramesPerS),
    emit: (batch, singles) => {
      if (anyoneIn(singleRoom)) for (const single of singles) {
        if (single[0] === 'incident:upsert') io.to(singleRoom).emit('incident:upsert', single[1]);
        else io.to(singleRoom).emit('alert:new', single[1]);
        metrics?.publishedEvents.inc({ event: single[0] });
      }
      if (anyoneIn(batchedRoom)) {
        io.to(batchedRoom).emit('live:batch', batch);
        metrics?.publishedEvents.inc({ event: 'live:batch' });
      }
      for (const incident of batch.incidents) noteDelivered(incident.seq);
    },
  });
  const publisher: Publisher = {
    incidentChanged: (incident: Incident) => {
      live.incident(incident);
      units.poke(incident.assignedUnits?.map((a) => a.unitId) ?? []);
    },
    alertStored: (alert: Alert) => live.alert({ alert, incidentId: alert.incidentId }),
    incidentEscalated: (incident: Incident) => {
      io.to('role:commander').emit('incident:escalated', incident);
      metrics?.publishedEvents.inc({ event: 'incident:escalated' });
    },
  };
  if (metrics) {
    (metrics.connectedClients as unknown as { collect: () => void }).collect = () => {
      metrics.connectedClients.reset();
      for (const socket of io.of('/').sockets.values()) if (socket.data.user) metrics.connectedClients.inc({ role: socket.data.user.role });
    };
  }
  return {
    io,
    publisher,
    /** Sends a stored unit change to every dashboard, and tells the unit's tablet. */
    unitChanged: (unit: Unit) => {
      io.to(deskRoom).emit('unit:upsert', unit);
      units.poke([unit.id]);
    },
    /** Closes a unit's tablet channel (its key was replaced). */
    disconnectUnit: (unitId: string) => units.disconnect(unitId),
    /** Closes every open socket of a user at once (account disabled, password reset). */
    disconnectUser: (userId: string) => io.in(`user:${userId}`).disconnectSockets(true),
    disconnectSession: (sessionId: string) => io.in(`session:${hashId(sessionId)}`).disconnectSockets(true),
    /** This instance's dashboards only (no Redis): the fan-out repair re-sends what they may have missed. */
    emitLocally: (incident: Incident) => {
      io.local.to(singleRoom).emit('incident:upsert', incident);
      io.local.to(batchedRoom).emit('live:batch', { incidents: [incident], alerts: [] });
      noteDelivered(incident.seq);
    },
    /** Sends the changes waiting for their frame (before shutdown closes the sockets). */
    flushLive: () => live.flushNow(),
    /** Registers a listener for every incident change delivered to this instance's desks. */
    onDelivered: (listener: (seq: number) => void) => void deliveredListeners.add(listener),
  };
}
