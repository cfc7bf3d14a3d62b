import { z } from 'zod';
import { geoPointSchema, isoDateTimeSchema } from './common';
import type { Label } from './labels';
import { incidentSchema } from './incident';
import { limits } from './limits';

export const unitKinds = ['car', 'motorcycle'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitStatuses = ['available', 'en_route', 'on_scene', 'off_duty'] as const;
export const unitStatusSchema = z.enum(unitStatuses);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

export const unitAssignmentSchema = z.object({
  incidentId: z.string(),
  at: z.string(),
  by: z.string(),
});

/** A patrol unit as dashboards see it; `seq` orders its changes like an incident's. */
export const unitSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  callSign: z.string(),
  kind: unitKindSchema,
  status: unitStatusSchema,
  position: geoPointSchema.nullable(),
  positionAt: z.string().nullable(),
  assignment: unitAssignmentSchema.nullable(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListSchema = z.object({ units: z.array(unitSchema) });

/** `POST /api/v1/units` (admin): the answer carries the unit's device key once. */
export const unitCreateSchema = z.object({
  callSign: z
    .string()
    .trim()
    .regex(new RegExp(`^[\\p{L}\\p{N}][\\p{L}\\p{N} -]{1,${limits.callSignMax - 1}}$`, 'u'), `letters, digits, spaces and - (2–${limits.callSignMax})`),
  kind: unitKindSchema,
});
export type UnitCreate = z.infer<typeof unitCreateSchema>;
export const unitCreatedSchema = z.object({ unit: unitSchema, key: z.string() });

/** What a unit's device reports (`POST /api/v1/unit/reports`, Bearer <unit key>). */
export const unitReportSchema = z
  .object({
    position: geoPointSchema.optional(),
    status: unitStatusSchema.optional(),
    /** When the device took the fix; defaults to when the server received it. */
    at: isoDateTimeSchema.optional(),
  })
  .refine((r) => r.position !== undefined || r.status !== undefined, 'a position or a status is required');
export type UnitReport = z.infer<typeof unitReportSchema>;

/** The dispatcher changing a unit's status by hand (`PATCH /api/v1/units/:id`). */
export const unitStatusChangeSchema = z.object({ status: unitStatusSchema });

/** `POST /api/v1/incidents/:id/dispatch`. */
export const dispatchRequestSchema = z.object({
  unitIds: z.array(z.string().min(1).max(limits.idMax)).min(1).max(10),
});
export type DispatchRequest = z.infer<typeof dispatchRequestSchema>;

/** Where a unit can get ahead of a wrong-way vehicle: both arrival times and the unit's lead. */
export const interceptSchema = z.object({
  corridorId: z.string(),
  km: z.number(),
  location: geoPointSchema,
  vehicleEta: z.string(),
  unitEta: z.string(),
  /** Seconds the unit arrives before the vehicle. */
  marginS: z.number(),
  /** The camera nearest the point, to name it on the radio. */
  nearestCameraId: z.string().nullable(),
});
export type Intercept = z.infer<typeof interceptSchema>;

export const unitProposalSchema = z.object({
  unitId: z.string(),
  callSign: z.string(),
  kind: unitKindSchema,
  /** Along the corridor network to the incident (or the vehicle's estimated position). */
  travelKm: z.number(),
  etaS: z.number(),
  intercept: interceptSchema.nullable(),
});
export type UnitProposal = z.infer<typeof unitProposalSchema>;

/** `GET /api/v1/incidents/:id/dispatch-proposal`: available units, best first. */
export const dispatchProposalSchema = z.object({
  incidentId: z.string(),
  at: z.string(),
  /** Where the units are sent: the incident, or a wrong-way vehicle's estimated position now. */
  target: geoPointSchema,
  units: z.array(unitProposalSchema),
});
export type DispatchProposal = z.infer<typeof dispatchProposalSchema>;

/** `GET /api/v1/unit/me`: what a unit's tablet shows. */
export const unitAssignmentViewSchema = z.object({
  unit: unitSchema,
  incident: incidentSchema.nullable(),
  /** For a live wrong-way track: where this unit can get ahead of the vehicle (null: it cannot). */
  intercept: interceptSchema.nullable().optional(),
});

export const unitKindLabels: Record<UnitKind, Label> = {
  car: { ar: 'سيارة دورية', en: 'Patrol car' },
  motorcycle: { ar: 'دراجة نارية', en: 'Motorcycle' },
};

export const unitStatusLabels: Record<UnitStatus, Label> = {
  available: { ar: 'متاحة', en: 'Available' },
  en_route: { ar: 'في الطريق', en: 'En route' },
  on_scene: { ar: 'في الموقع', en: 'On scene' },
  off_duty: { ar: 'خارج الخدمة', en: 'Off duty' },
};
