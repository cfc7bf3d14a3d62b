import { z } from 'zod';
import { alertKindSchema, alertKinds, isoDateTimeSchema } from './common';
import { handoverIncidentSchema, incidentSchema, incidentStatusSchema, incidentStatuses, shiftSummarySchema } from './incident';
import { limits } from './limits';
import { normalisePlate } from './plate';

/** A shift as the server names it: UTC bounds and a local label ("2026-11-27 08–16"). */
export const shiftSchema = z.object({ start: z.string(), end: z.string(), label: z.string() });
export type ShiftRef = z.infer<typeof shiftSchema>;

const person = z.object({ userId: z.string(), username: z.string() });

/** `?at=ISO`: the shift containing that instant (default now). */
export const shiftAtQuerySchema = z.object({ at: isoDateTimeSchema.optional() });
/** A state change on one shift's handover or press summary names the shift by any instant in it. */
export const shiftAtBodySchema = z.object({ at: isoDateTimeSchema });

// ---- Handover ---------------------------------------------------------------------------------

export const handoverStatuses = ['draft', 'submitted', 'acknowledged'] as const;
export const handoverStatusSchema = z.enum(handoverStatuses);
export type HandoverStatus = z.infer<typeof handoverStatusSchema>;

/**
 * What one shift hands to the next: the commander's notes and the open incidents (with their
 * claims). Live while a draft; frozen at submission, so the record shows what was handed over.
 */
export const handoverSchema = z.object({
  shift: shiftSchema,
  status: handoverStatusSchema,
  notes: z.string(),
  openIncidents: z.array(handoverIncidentSchema),
  notesBy: person.nullable(),
  notesAt: z.string().nullable(),
  submittedBy: person.nullable(),
  submittedAt: z.string().nullable(),
  acknowledgedBy: person.nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverNotesRequestSchema = shiftAtBodySchema.extend({
  notes: z.string().max(limits.handoverNotesMax),
});
export type HandoverNotesRequest = z.infer<typeof handoverNotesRequestSchema>;

// ---- Press summary -----------------------------------------------------------------------------

export const pressStatuses = ['draft', 'approved'] as const;
export const pressStatusSchema = z.enum(pressStatuses);
export type PressStatus = z.infer<typeof pressStatusSchema>;

/** The bilingual public statement of one shift; exportable only once approved. */
export const pressSummarySchema = z.object({
  shift: shiftSchema,
  status: pressStatusSchema,
  /** True while nothing is stored yet and the text is the generated proposal. */
  generated: z.boolean(),
  ar: z.string(),
  en: z.string(),
  updatedBy: person.nullable(),
  updatedAt: z.string().nullable(),
  approvedBy: person.nullable(),
  approvedAt: z.string().nullable(),
});
export type PressSummary = z.infer<typeof pressSummarySchema>;

const pressText = z.string().trim().min(1).max(limits.pressTextMax);
export const pressUpdateRequestSchema = shiftAtBodySchema.extend({ ar: pressText, en: pressText });
export type PressUpdateRequest = z.infer<typeof pressUpdateRequestSchema>;

export const pressExportQuerySchema = z.object({
  at: isoDateTimeSchema,
  lang: z.enum(['ar', 'en', 'both']).default('both'),
});

// ---- Shift report ------------------------------------------------------------------------------

/** The audit chain's last entry at the report's cut-off: an external anchor for the printed page. */
export const auditAnchorSchema = z.object({ id: z.number().int(), hash: z.string(), at: z.string() });
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

export const shiftReportSchema = z.object({
  summary: shiftSummarySchema,
  handover: handoverSchema,
  auditAnchor: auditAnchorSchema.nullable(),
  generatedAt: z.string(),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

// ---- History -----------------------------------------------------------------------------------

const csvList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

/** Filters of the incident history; the CSV export takes the same ones. */
export const historyFilterSchema = z.object({
  /** Any spelling of an Egyptian plate; matched after normalising both sides. */
  plate: z
    .string()
    .trim()
    .min(1)
    .max(limits.plateMax)
    .refine((p) => normalisePlate(p) !== null, 'not an Egyptian plate (up to three Arabic letters and digits)')
    .optional(),
  corridorId: z.string().trim().min(1).max(limits.idMax).optional(),
  kind: csvList(alertKindSchema, alertKinds.length).optional(),
  status: csvList(incidentStatusSchema, incidentStatuses.length).optional(),
  /** Username of anyone who acted on the incident (claimed, verified, recorded an action …). */
  officer: z.string().trim().min(1).max(limits.usernameMax).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);

export const historyQuerySchema = historyFilterSchema
  .extend({
    limit: z.coerce.number().int().min(1).max(limits.historyPageMax).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine(fromBeforeTo, { message: 'from must be before to', path: ['to'] });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historyCsvQuerySchema = historyFilterSchema.refine(fromBeforeTo, { message: 'from must be before to', path: ['to'] });

export const historyPageSchema = z.object({
  incidents: z.array(incidentSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;
