import type { Logger } from 'pino';
import { corridors, detectionSchema } from '@rasd/shared';
import type { IngestService } from '../services/ingest.service';
import { corridorLine, placeCameras } from './cameras';
import { createTraffic } from './traffic';

export const simulatorSender = 'simulator';

/** The demo's live feed: simulated cameras posting through the same ingest path real cameras use. */
export function startSimulator(ingest: IngestService, log: Logger, tickMs = 1000) {
  const lines = corridors.features.map(corridorLine);
  const traffic = createTraffic(lines, placeCameras(lines, 2.5), { random: Math.random, wrongWayEverySec: 20, otherEverySec: 4 });
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const detections = traffic.step(new Date(now), (now - last) / 1000);
    last = now;
    for (const d of detections) {
      ingest.ingestDetection(simulatorSender, detectionSchema.parse(d)).catch((error: unknown) => log.error({ err: error }, 'simulated detection failed'));
    }
  }, tickMs);
  log.info({ cameras: lines.length }, 'simulator on');
  return { stop: () => clearInterval(timer) };
}
