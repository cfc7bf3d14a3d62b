/**
 * The reference the latency benchmark compares Rasd with: the least a server can do for the same
 * promise. It takes the same POST /api/v1/detections over node:http, appends each alert to a file
 * (persisted before it is sent), serialises it once and sends that one buffer to every raw
 * WebSocket client. No framework, no database, no per-client work beyond the socket write.
 *
 * Two variants measure floors rather than the reference (`--servers=ws-pglite,ws-batched`):
 * REF_STORE=pglite stores each alert with one INSERT into PGlite, the embedded database Rasd must
 * use, instead of appending to the file; REF_BATCH_MS=N sends the alerts stored in N ms as one frame
 * (`{"type":"batch","items":[…]}`) instead of one frame each.
 *
 * Env: PORT, DATA_DIR (the alerts file or database goes there), RASD_INGEST_KEYS=name:secret,
 * REF_STORE (file | pglite), REF_BATCH_MS (0: a frame per alert).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const dataDir = process.env.DATA_DIR ?? '.';
const keys = new Map<string, string>();
for (const entry of (process.env.RASD_INGEST_KEYS ?? '').split(',').filter(Boolean)) {
  const [name = '', ...secret] = entry.split(':');
  keys.set(secret.join(':'), name);
}

await mkdir(dataDir, { recursive: true });
const batchMs = Number(process.env.REF_BATCH_MS ?? 0);
let seq = 0;

/** Where alerts are stored: `write` calls back once one is appended to the file, or inserted (and committed) in PGlite. */
interface Storage {
  write(seq: number, line: string, done: (error?: unknown) => void): void;
  close(): Promise<void>;
}

async function openStorage(): Promise<Storage> {
  if (process.env.REF_STORE === 'pglite') {
    const db = await PGlite.create(path.join(dataDir, 'pglite'));
    await db.exec('CREATE TABLE alerts (seq bigint PRIMARY KEY, body jsonb NOT NULL)');
    return {
      write: (n, line, done) => void db.query('INSERT INTO alerts (seq, body) VALUES ($1, $2)', [n, line]).then(() => done(), done),
      close: () => db.close(),
    };
  }
  const file = createWriteStream(path.join(dataDir, 'alerts.ndjson'), { flags: 'a' });
  return {
    write: (_n, line, done) => void file.write(line + '\n', done),
    close: () => new Promise((resolve) => file.end(resolve)),
  };
}
const storage = await openStorage();

function broadcast(text: string): void {
  const frame = Buffer.from(text);
  for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false });
}

/** Alerts stored since the last batch frame was sent (REF_BATCH_MS > 0). */
let waiting: string[] = [];
function sendLater(item: string): void {
  if (waiting.push(item) > 1) return;
  setTimeout(() => {
    broadcast(`{"type":"batch","items":[${waiting.join(',')}]}`);
    waiting = [];
  }, batchMs);
}

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
    // Persist first; send only once it is stored.
    storage.write(alert.seq, line, (error) => {
      if (error) return reply(res, 503, { error: { code: 'unavailable' } });
      const item = `{"type":"alert:new","incidentId":"${incidentId}","alert":${line}}`;
      if (batchMs > 0) sendLater(item);
      else broadcast(item);
      reply(res, 201, { alertId: alert.id, incidentId, duplicate: false });
    });
  });
});

const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });

server.listen(port, '127.0.0.1');
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close();
  void storage.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
