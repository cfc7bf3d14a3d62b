import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';
import { apiLogin, formLogin, incidentCommand } from '../support/session';

/**
 * A long shift compressed: a stream of incidents that the room keeps working (claim, action,
 * close), while the wall runs in a real browser. The heap after a forced GC, and the DOM size,
 * must level off instead of growing with the number of incidents seen.
 */
const total = Number(process.env.RASD_SOAK_INCIDENTS ?? 300);
const openWindow = 40; // incidents left open at any time, like a busy room
const checkpoints = 5;
const parallel = 4;

let server: RunningServer;
let browser: Browser;
let wall: Page;
let cdp: CDPSession;
let cookie: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RASD_USERS: `officer1:officer:${officerPassword},wall1:officer:${officerPassword}` }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  wall = await context.newPage();
  cdp = await context.newCDPSession(wall);
  await cdp.send('HeapProfiler.enable');
  cookie = await apiLogin(server.url, 'officer1', officerPassword);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const kinds = ['speeding', 'reckless', 'stopped_vehicle', 'racing', 'wrong_way'] as const;
const spots = [
  [29.982611, 31.3162252], [30.038, 31.27], [30.064, 31.09], [29.986, 31.289], [30.06, 31.245], [30.085, 31.18], [30.007, 31.2295], [30.172, 31.4],
] as const;

async function newIncident(i: number): Promise<string> {
  const [lat, lon] = spots[i % spots.length]!;
  const res = await postDetection(server.url, {
    eventId: `soak-${i}`,
    cameraId: `SOAK-${i}`,
    kind: kinds[i % kinds.length],
    observedAt: new Date().toISOString(),
    location: { lat: lat + ((i * 7) % 13) * 0.001, lon: lon + ((i * 11) % 17) * 0.001 },
    speedKmh: 90 + (i % 60),
    plate: `ق ${i}`,
    vehicleClass: 'car',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

async function work(id: string): Promise<void> {
  expect((await incidentCommand(server.url, cookie, id, 'claim')).status).toBe(200);
  expect((await incidentCommand(server.url, cookie, id, 'actions', { type: 'citation', plate: 'قصب١٢٣٤' })).status).toBe(201);
  expect((await incidentCommand(server.url, cookie, id, 'close')).status).toBe(200);
}

interface Sample {
  incidents: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  open: string;
}

async function sample(incidents: number): Promise<Sample> {
  await wall.waitForTimeout(500); // let the last upserts render
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const open = await wall.locator('[data-testid="wall-counter-open"] .wall-counter-value').innerText();
  return { incidents, heapMB: Math.round((usedSize / 1_048_576) * 10) / 10, nodes: counters.nodes, listeners: counters.jsEventListeners, open };
}

describe('wall over a long stream', () => {
  it('keeps its heap and DOM bounded while incidents come and go', { timeout: 600_000 }, async () => {
    await wall.goto(`${server.url}/wall?lang=en&numerals=latn`);
    await formLogin(wall, 'wall1', officerPassword);
    await wall.waitForSelector('[data-testid="wall"]');
    await wall.waitForSelector('[data-testid="wall-reconnecting"]', { state: 'detached', timeout: 30_000 });

    const samples: Sample[] = [await sample(0)];
    const open: string[] = [];
    const started = Date.now();
    for (let i = 0; i < total; i += parallel) {
      const batch = await Promise.all(Array.from({ length: Math.min(parallel, total - i) }, (_, k) => newIncident(i + k)));
      open.push(...batch);
      const done = open.splice(0, Math.max(0, open.length - openWindow));
      await Promise.all(done.map(work));
      const seen = i + batch.length;
      if (seen % Math.ceil(total / checkpoints) < parallel || seen === total) samples.push(await sample(seen));
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    await wall.screenshot({ path: `${artifactsDir}wall-soak-en.png` });

    const report = { incidents: total, alerts: total, openWindow, seconds, samples };
    await writeFile(`${artifactsDir}wall-heap.json`, JSON.stringify(report, null, 2));
    console.log(`wall soak: ${total} incidents (each claimed, actioned, closed) in ${seconds} s`);
    for (const s of samples) console.log(`  after ${s.incidents}: heap ${s.heapMB} MB, DOM nodes ${s.nodes}, listeners ${s.listeners}, open shown ${s.open}`);

    // The room never had more than the window open, and the wall agrees.
    expect(Number(samples.at(-1)!.open)).toBeLessThanOrEqual(openWindow + parallel);
    // Bounded: the heap after the second checkpoint does not keep climbing with the stream.
    const settled = samples[1]!;
    const last = samples.at(-1)!;
    expect(last.heapMB).toBeLessThan(settled.heapMB + 8);
    expect(last.nodes).toBeLessThan(settled.nodes * 1.5 + 500);
  });
});
