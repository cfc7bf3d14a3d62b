/**
 * The reference the latency benchmark compares Rasd with: the least a server can do for the same
 * promise. It takes the same POST /api/v1/detections over node:http, appends each alert to a file
 * (persisted before it is sent), serialises it once and sends that one buffer to every raw
 * WebSocket client. No framework, no database, no per-client work beyond the socket write.
 *
 * Env: PORT, DATA_DIR (the alerts file goes there), RASD_INGEST_KEYS=name:secret.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const dataDir = process.env.DATA_DIR ?? '.';
const keys = new Map<string, string>();
for (const entry of (process.env.RASD_INGEST_KEYS ?? '').split(',').filter(Boolean)) {
  const [name = '', ...secret] = entry.split(':');
  keys.set(secret.join(':'), name);
}

await mkdir(dataDir, { recursive: true });
const file = createWriteStream(path.join(dataDir, 'alerts.ndjson'), { flags: 'a' });
let seq = 0;

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && (req.url === '/readyz' || req.url === '/healthz')) return reply(res, 200, { ok: true });
  if (req.method !== 'POST' || req.url !== '/api/v1/detections') return reply(res, 404, { error: { code: 'not_found' } });
  const sender = keys.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  if (!sender) return reply(res, 401, { error: { code: 'unauthorized' } });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let detection: Record<string, unknown>;
    try {
      detection = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return reply(res, 400, { error: { code: 'invalid_input' } });
    }
    if (typeof detection.eventId !== 'string') return reply(res, 400, { error: { code: 'invalid_input' } });
    const incidentId = randomUUID();
    const alert = {
      ...detection,
      id: randomUUID(),
      incidentId,
      seq: ++seq,
      source: 'camera',
      sender,
      receivedAt: new Date().toISOString(),
    };
    const line = JSON.stringify(alert);
    // Persist first; send only once the write reached the file.
    file.write(line + '\n', (error) => {
      if (error) return reply(res, 503, { error: { code: 'unavailable' } });
      const frame = Buffer.from(`{"type":"alert:new","incidentId":"${incidentId}","alert":${line}}`);
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false });
      reply(res, 201, { alertId: alert.id, incidentId, duplicate: false });
    });
  });
});

const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });

server.listen(port, '127.0.0.1');
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close();
  file.end(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
