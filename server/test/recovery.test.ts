import { io as connectSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Incident } from '@rasd/shared';
import { detection, login, postDetection, type DeskSocket, useTestServer } from './harness';


const server = useTestServer();

/** A browser-like socket that reconnects by itself, as the dashboard's does. */
function reconnectingDesk(cookie: string, delayMs: number): DeskSocket {
  return connectSocket(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: delayMs,
    reconnectionDelayMax: delayMs,
    randomizationFactor: 0,
    extraHeaders: { origin: server.url, cookie },
  });
}

const until = async (check: () => boolean, what: string, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const serverSockets = () => server.app.io.of('/').sockets.size;

/** Recovery resumes after the last event a socket received: give it one first, as live traffic would. */
async function receivedOne(socket: DeskSocket, seen: Incident[]) {
  const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
  await until(() => seen.some((i) => i.id === incidentId), 'a first live incident');
}

/** Cuts the socket's transport the way a network blip does; socket.io-client then reconnects. */
async function blip(socket: DeskSocket) {
  const before = serverSockets();
  socket.io.engine.close();
  await until(() => serverSockets() === before - 1, 'the server to notice the drop');
}

describe('connection-state recovery (a fast path only)', () => {
  it('gives a socket back what it missed during a short drop, through the middleware again', async () => {
    const cookie = await login(server.url, 'officer');
    const socket = reconnectingDesk(cookie, 300);
    const seen: Incident[] = [];
    socket.on('incident:upsert', (incident) => seen.push(incident));
    await until(() => socket.connected, 'the first connect');
    expect(socket.recovered).toBe(false);
    await receivedOne(socket, seen);

    await blip(socket);
    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    await until(() => socket.connected, 'the reconnect');
    expect(socket.recovered).toBe(true);
    await until(() => seen.some((i) => i.id === incidentId), 'the missed incident');

    // Re-authenticated with its fresh rooms: live events still reach it afterwards.
    const next = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    await until(() => seen.some((i) => i.id === next.incidentId), 'a live incident after recovery');
    socket.close();
  });

  it('sends nothing it missed to a socket whose session ended while it was away', async () => {
    const cookie = await login(server.url, 'officer');
    const socket = reconnectingDesk(cookie, 1_000);
    const seen: Incident[] = [];
    const refusals: string[] = [];
    socket.on('incident:upsert', (incident) => seen.push(incident));
    socket.on('connect_error', (error) => refusals.push(error.message));
    // What reaches the wire, not just what the client library chooses to surface.
    const wire: string[] = [];
    socket.io.on('packet', (packet) => wire.push(JSON.stringify(packet.data ?? null)));
    await until(() => socket.connected, 'the first connect');
    await receivedOne(socket, seen);

    await blip(socket);
    const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie, origin: server.url } });
    expect(out.status).toBeLessThan(300);
    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };

    await until(() => refusals.length > 0, 'the refused reconnect');
    expect(refusals[0]).toBe('unauthorized');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((i) => i.id)).not.toContain(incidentId);
    expect(wire.filter((data) => data.includes(incidentId))).toEqual([]);
    socket.close();
  });
});
