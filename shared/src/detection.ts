import { z } from 'zod';
import { limits } from './limits';
import {
  alertKindSchema,
  geoPointSchema,
  httpUrlSchema,
  isoDateTimeSchema,
  vehicleClassSchema,
} from './common';

/** A camera's video-analytics alert, as posted to `POST /api/v1/detections`. */
export const detectionSchema = z.object({
  eventId: z.string().min(1).max(limits.eventIdMax),
  cameraId: z.string().min(1).max(limits.idMax),
  kind: alertKindSchema,
  observedAt: isoDateTimeSchema,
  location: geoPointSchema,
  headingDeg: z.number().min(0).max(360).optional(),
  speedKmh: z.number().min(0).max(500).optional(),
  confidence: z.number().min(0).max(1).optional(),
  plate: z.string().min(1).max(limits.plateMax).optional(),
  vehicleClass: vehicleClassSchema.optional(),
  media: z
    .object({
      snapshotUrl: httpUrlSchema.optional(),
      clipUrl: httpUrlSchema.optional(),
    })
    .optional(),
});
export type Detection = z.infer<typeof detectionSchema>;

export const ingestResultSchema = z.object({
  alertId: z.string(),
  incidentId: z.string(),
  duplicate: z.boolean(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
