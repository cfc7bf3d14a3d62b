import { beforeAll, describe, expect, it } from 'vitest';
import { connectDesk, connected, login, type DeskSocket, useTestServer } from '../harness';
import { recordAttack } from './summary';

let cookie: string;

const server = useTestServer({ RASD_SOCKET_MAX_QUEUED: '200', RASD_SOCKET_MAX_BUFFER_MB: '4' });
beforeAll(async () => {
  cookie = await login(server.url, 'officer');
});

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

describe('slow and abusive clients', () => {
  it('disconnects a dashboard that stops reading instead of queueing for it without bound', async () => {
    const slow = connectDesk(server.url, cookie);
    const healthy = connectDesk(server.url, cookie);
    await Promise.all([connected(slow), connected(healthy)]);
    let healthyGot = 0;
    healthy.on('incident:upsert', () => (healthyGot += 1));
    // Stop reading at the TCP level, as a frozen tab or a stalled link would.
    (slow.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket.pause();
    const dropped = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (server.app.io.of('/').sockets.size === 1) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const payload = { id: 'flood', padding: 'x'.repeat(50_000) } as never;
    const rssBefore = process.memoryUsage().rss;
    let sent = 0;
    // Keep writing until the guard drops the reader (or give up after 20 s): on a loaded machine the
    // guard's one-second check may come after more or fewer events, so time bounds it, not a count.
    const giveUp = Date.now() + 20_000;
    while (server.app.io.of('/').sockets.size === 2 && Date.now() < giveUp) {
      for (let i = 0; i < 20; i++, sent++) server.app.io.emit('incident:upsert', payload);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.race([dropped, new Promise((r) => setTimeout(r, 1_000))]);
    const grew = process.memoryUsage().rss - rssBefore;
    console.log(`[security] slow consumer dropped after ${sent} events of 50 KB (${mb(sent * 50_000)} MB sent); server RSS grew ${mb(grew)} MB; healthy client received ${healthyGot}`);
    expect(server.app.io.of('/').sockets.size).toBe(1);
    expect(healthy.connected).toBe(true);
    recordAttack('dashboard that never reads (backpressure)', 1, 1, 0);
    slow.close();
    healthy.close();
  });

  it('holds 1,000 idle dashboards for a bounded amount of memory', async () => {
    global.gc?.();
    const before = process.memoryUsage();
    const sockets: DeskSocket[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const group = Array.from({ length: 100 }, () => connectDesk(server.url, cookie));
      await Promise.all(group.map(connected));
      sockets.push(...group);
    }
    expect(server.app.io.of('/').sockets.size).toBeGreaterThanOrEqual(1_000);
    global.gc?.();
    const after = process.memoryUsage();
    // Client and server share this process, so the figure is an upper bound for the server alone.
    const perConnectionKb = (after.heapUsed - before.heapUsed) / 1_000 / 1024;
    console.log(`[security] 1,000 idle connections: heap +${mb(after.heapUsed - before.heapUsed)} MB, RSS +${mb(after.rss - before.rss)} MB (≤ ${perConnectionKb.toFixed(1)} KB per connection, client and server sides together)`);
    expect(perConnectionKb).toBeLessThan(200);
    for (const s of sockets) s.close();
  }, 120_000);
});
