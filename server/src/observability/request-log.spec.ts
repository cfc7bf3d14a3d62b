import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { requestLog } from './request-log';

const lines: Record<string, any>[] = [];
let level = 'warn';
let url = '';
const server = createServer((req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }) => {
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  res.locals = {};
  requestLog(log)(req, res, () => {
    const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
    res.locals!.sender = 'cam-gw';
    res.statusCode = status;
    res.end('{}');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(path: string, headers: Record<string, string> = {}) {
  lines.length = 0;
  const res = await fetch(`${url}${path}`, { headers });
  await res.text();
  // The line is written when the response finishes, which may be just after the client has it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return res;
}

describe('request log', () => {
  it('echoes the request id and writes nothing for a success when the level is above info', async () => {
    level = 'warn';
    const res = await call('/api/v1/detections?status=201', { 'x-request-id': 'gw-7' });
    expect(res.headers.get('x-request-id')).toBe('gw-7');
    expect(lines).toEqual([]);
  });

  it('writes refusals as warnings and failures as errors, with id, method, path, status, sender and time', async () => {
    level = 'warn';
    await call('/api/v1/detections?status=429', { 'x-request-id': 'gw-8' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, req: { id: 'gw-8', method: 'GET', path: '/api/v1/detections' }, res: { statusCode: 429 }, sender: 'cam-gw', msg: 'request completed' });
    expect(lines[0]!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(lines[0])).not.toContain('status=429');
    await call('/api/v1/detections?status=503');
    expect(lines[0]).toMatchObject({ level: 50, res: { statusCode: 503 }, err: { message: 'failed with status code 503' }, msg: 'request errored' });
  });

  it('writes every request at info, except probes and scrapes', async () => {
    level = 'info';
    await call('/api/v1/incidents?status=200');
    expect(lines[0]).toMatchObject({ level: 30, req: { path: '/api/v1/incidents' }, res: { statusCode: 200 } });
    const probe = await call('/readyz');
    expect(probe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([]);
  });
});
