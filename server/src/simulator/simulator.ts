import type { Logger } from 'pino';
import { corridors, detectionSchema, socialReportSchema } from '@rasd/shared';
import type { IngestService } from '../services/ingest.service';
import type { SocialIngestService } from '../services/social-ingest.service';
import { randomSocialPost } from './social-posts';
import { corridorLine } from '../domain/geo/corridor-line';
import { placeCameras } from '../domain/cameras';
import { createTraffic } from './traffic';

export const simulatorSender = 'simulator';

/** Mean seconds between simulated social-media reports. */
const socialEverySec = 25;

/** The demo's live feed: simulated cameras and a monitoring team posting through the same ingest paths real ones use. */
export function startSimulator(ingest: IngestService, social: SocialIngestService, log: Logger, tickMs = 1000) {
  const lines = corridors.features.map(corridorLine);
  const traffic = createTraffic(lines, placeCameras(lines, 2.5), { random: Math.random, wrongWayEverySec: 20, otherEverySec: 4 });
  let last = Date.now();
  let posts = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    const detections = traffic.step(new Date(now), (now - last) / 1000);
    last = now;
    for (const d of detections) {
      ingest.ingestDetection(simulatorSender, detectionSchema.parse(d)).catch((error: unknown) => log.error({ err: error }, 'simulated detection failed'));
    }
    if (Math.random() < tickMs / 1000 / socialEverySec) {
      const post = socialReportSchema.parse(randomSocialPost(Math.random, new Date(now), ++posts));
      social.ingest(simulatorSender, post).catch((error: unknown) => log.error({ err: error }, 'simulated social report failed'));
    }
  }, tickMs);
  log.info({ cameras: lines.length }, 'simulator on');
  return { stop: () => clearInterval(timer) };
}
