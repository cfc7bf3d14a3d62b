import { z } from 'zod';
import { limits } from './limits';
import { alertKindSchema, geoPointSchema, severitySchema } from './common';
import { detectionSchema } from './detection';
import { engagementSchema, socialExtractionSchema, socialPlatformSchema, socialReportSchema } from './social-report';
import { trackSchema } from './track';

export const incidentStatuses = [
  'new',
  'verifying',
  'verified',
  'rejected',
  'claimed',
  'dispatched',
  'actioned',
  'closed',
  'merged',
] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const incidentSources = ['camera', 'social', 'mixed'] as const;
export const incidentSourceSchema = z.enum(incidentSources);
export type IncidentSource = z.infer<typeof incidentSourceSchema>;

export const legalActionTypes = [
  'arrest',
  'summons',
  'vehicle_impound',
  'prosecution_referral',
  'administrative_measure',
  'citation',
  'licence_withdrawal',
  'no_action',
] as const;
export const legalActionTypeSchema = z.enum(legalActionTypes);
export type LegalActionType = z.infer<typeof legalActionTypeSchema>;

export const legalActionSchema = z.object({
  id: z.string(),
  type: legalActionTypeSchema,
  plate: z.string().max(limits.plateMax).nullable(),
  caseNumber: z.string().max(limits.caseNumberMax).nullable(),
  notes: z.string().max(limits.notesMax).nullable(),
  /** The earlier action this entry corrects: actions are never edited in place. */
  corrects: z.string().nullable(),
  by: z.object({ userId: z.string(), username: z.string() }),
  at: z.string(),
});
export type LegalAction = z.infer<typeof legalActionSchema>;

export const claimSchema = z.object({ userId: z.string(), username: z.string(), at: z.string() });
export type Claim = z.infer<typeof claimSchema>;

export const verdicts = ['verified', 'rejected'] as const;
export const verificationSchema = z.object({
  verdict: z.enum(verdicts),
  reason: z.string().nullable(),
  by: z.object({ userId: z.string(), username: z.string() }),
  at: z.string(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const assignedUnitSchema = z.object({
  unitId: z.string(),
  callSign: z.string(),
  at: z.string(),
  by: z.string(),
});
export type AssignedUnit = z.infer<typeof assignedUnitSchema>;

/**
 * The report that ranks a social or mixed incident in the social queue: its highest-priority post.
 * Its strings are as the citizen or platform gave them (untrusted); URLs are plain strings here so
 * that one odd record cannot hide the whole incident, and clients link only http(s) ones.
 */
export const socialPostSchema = z.object({
  platform: socialPlatformSchema,
  postUrl: z.string(),
  postedAt: z.string(),
  /** At most `limits.postExcerptMax` characters, ending in "…" when cut. */
  text: z.string(),
  author: z.string().nullable(),
  /** The post's first media URL. */
  mediaUrl: z.string().nullable(),
  engagement: engagementSchema.nullable(),
});
export type SocialPost = z.infer<typeof socialPostSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: alertKindSchema,
  source: incidentSourceSchema,
  severity: severitySchema,
  status: incidentStatusSchema,
  corridorId: z.string().nullable(),
  location: geoPointSchema,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  alertCount: z.number().int(),
  claimedBy: claimSchema.nullable(),
  actions: z.array(legalActionSchema),
  plate: z.string().nullable(),
  cameraId: z.string().nullable(),
  speedKmh: z.number().nullable(),
  verification: verificationSchema.nullable(),
  /** When it was escalated for staying unclaimed too long (null: not escalated). */
  escalatedAt: z.string().nullable(),
  /** Social reports: engagement and recency score; higher is more urgent. */
  priority: z.number().optional(),
  /** Social and mixed incidents: the post behind `priority`. */
  socialPost: socialPostSchema.optional(),
  /** True when the location was inferred from place names or is only the city centre. */
  locationApproximate: z.boolean().optional(),
  /** Wrong-way incidents folded from successive camera sightings: path, speed and prediction. */
  track: trackSchema.optional(),
  /** Patrol units sent to it, in the order they were assigned. */
  assignedUnits: z.array(assignedUnitSchema).optional(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** One stored alert from a camera, as published in `alert:new` and listed under an incident. */
export const cameraAlertSchema = detectionSchema.extend({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  source: z.literal('camera'),
  sender: z.string(),
  receivedAt: z.string(),
});
/** One stored citizen report, with what triage read from it and the evidence's provenance. */
export const socialAlertSchema = socialReportSchema.extend({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  source: z.literal('social'),
  sender: z.string(),
  receivedAt: z.string(),
  normalizedUrl: z.string(),
  extracted: socialExtractionSchema,
  priority: z.number(),
  /** SHA-256 of each media URL's recorded metadata (URL, post, times), for the evidential record. */
  mediaEvidence: z.array(z.object({ url: z.string(), sha256: z.string() })),
});
/** One CAP 1.2 alert received from another agency's system. */
export const capAlertSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int(),
  source: z.literal('cap'),
  sender: z.string(),
  receivedAt: z.string(),
  kind: alertKindSchema,
  location: geoPointSchema,
  cap: z.object({
    identifier: z.string(),
    sender: z.string(),
    sent: z.string(),
    msgType: z.string(),
    status: z.string(),
    event: z.string(),
    urgency: z.string(),
    severity: z.string(),
    certainty: z.string(),
    headline: z.string().nullable(),
    areaDesc: z.string().nullable(),
  }),
});
export const alertSchema = z.discriminatedUnion('source', [cameraAlertSchema, socialAlertSchema, capAlertSchema]);
export type Alert = z.infer<typeof alertSchema>;

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const incidentDetailSchema = incidentSchema.extend({
  alerts: z.array(alertSchema),
  history: z.array(historyEntrySchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentListQuerySchema = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(incidentStatusSchema).max(incidentStatuses.length))
    .optional(),
  since: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const incidentListSchema = z.object({
  incidents: z.array(incidentSchema),
  seq: z.number().int(),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

/** Case numbers as the prosecution writes them, e.g. "1234 لسنة 2026 جنح مدينة نصر". */
export const caseNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(limits.caseNumberMax)
  .regex(/^(?=.*[0-9٠-٩])[\p{L}\p{N} /\-]+$/u, 'a case number has digits and only letters, digits, spaces, / and -');

export const legalActionRequestSchema = z.object({
  type: legalActionTypeSchema,
  plate: z.string().trim().min(1).max(limits.plateMax).optional(),
  caseNumber: caseNumberSchema.optional(),
  notes: z.string().trim().min(1).max(limits.notesMax).optional(),
  corrects: z.string().min(1).max(limits.idMax).optional(),
});
export type LegalActionRequest = z.infer<typeof legalActionRequestSchema>;

export const verifyRequestSchema = z.object({
  verdict: z.enum(verdicts),
  reason: z.string().trim().min(1).max(limits.reasonMax).optional(),
});
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

export const handoverRequestSchema = z.object({ username: z.string().min(1).max(limits.usernameMax) });

const percentilesSchema = z.object({ p50: z.number().nullable(), p90: z.number().nullable(), n: z.number().int() });

export const handoverIncidentSchema = incidentSchema.pick({
  id: true,
  kind: true,
  severity: true,
  status: true,
  corridorId: true,
  claimedBy: true,
  firstSeenAt: true,
  plate: true,
});

/** `GET /api/v1/shifts/summary`: what came in during a shift, how fast it was handled, what passes on. */
export const shiftSummarySchema = z.object({
  shift: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  counts: z.object({
    total: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    bySource: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
    byCorridor: z.record(z.string(), z.number().int()),
    byHour: z.record(z.string(), z.number().int()),
  }),
  responseTimes: z.object({
    alertToClaimMs: percentilesSchema,
    claimToActionMs: percentilesSchema,
    verificationMs: percentilesSchema,
    /** Unit dispatched → on scene; present only once dispatch data exists (see server/src/domain/shift-summary.ts). */
    dispatchToSceneMs: percentilesSchema.optional(),
  }),
  actions: z.object({ byType: z.record(z.string(), z.number().int()), byTrack: z.record(z.string(), z.number().int()) }),
  handover: z.object({ openIncidents: z.array(handoverIncidentSchema) }),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;
