import {
  caseNumberSchema,
  legalActionRequestSchema,
  legalActionSpec,
  limits,
  normalisePlate,
  type ErrorDetail,
  type LegalActionRequest,
  type LegalActionType,
} from '@rasd/shared';

export type ActionField = 'plate' | 'caseNumber' | 'notes';

export interface ActionFormValues {
  type: LegalActionType;
  plate: string;
  caseNumber: string;
  notes: string;
  /** The id of the recorded action this one corrects (actions are never edited in place). */
  corrects: string | null;
}

/** An i18n key under `actionForm.errors`, plus the server's own words when it was the server. */
export interface FieldError {
  key: 'required' | 'plateInvalid' | 'caseNumberInvalid' | 'tooLong' | 'server';
  serverMessage?: string;
}
export type FieldErrors = Partial<Record<ActionField | 'type' | 'corrects' | 'form', FieldError>>;

/** The fields the form shows for a type: those the catalog requires, and notes always. */
export function visibleFields(type: LegalActionType): ActionField[] {
  const required = legalActionSpec(type).requires;
  return (['plate', 'caseNumber', 'notes'] as const).filter((f) => f === 'notes' || required.includes(f));
}

export function isRequired(type: LegalActionType, field: ActionField): boolean {
  return legalActionSpec(type).requires.includes(field);
}

/** Live plate feedback: the canonical form as the server will store it, or why it is refused. */
export function plateFeedback(input: string): { canonical: string | null; error: FieldError | null } {
  if (input.trim() === '') return { canonical: null, error: null };
  const canonical = normalisePlate(input);
  return canonical ? { canonical, error: null } : { canonical: null, error: { key: 'plateInvalid' } };
}

export function caseNumberError(input: string): FieldError | null {
  if (input.trim() === '') return null;
  return caseNumberSchema.safeParse(input).success ? null : { key: 'caseNumberInvalid' };
}

/**
 * Checks the form as the server will (same shared schemas and catalog), so a refusal is
 * shown before sending. Returns the request to send, or the errors per field.
 */
export function validateActionForm(values: ActionFormValues): { request: LegalActionRequest | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const request: LegalActionRequest = { type: values.type };
  for (const field of visibleFields(values.type)) {
    const raw = values[field].trim();
    if (raw === '') {
      if (isRequired(values.type, field)) errors[field] = { key: 'required' };
      continue;
    }
    if (field === 'plate') {
      const { canonical, error } = plateFeedback(raw);
      if (error) errors.plate = error;
      else request.plate = canonical!;
    } else if (field === 'caseNumber') {
      const error = caseNumberError(raw);
      if (error) errors.caseNumber = error;
      else request.caseNumber = raw;
    } else if (raw.length > limits.notesMax) {
      errors.notes = { key: 'tooLong' };
    } else {
      request.notes = raw;
    }
  }
  if (values.corrects) request.corrects = values.corrects;
  if (Object.keys(errors).length > 0) return { request: null, errors };
  // The shared request schema is the last word: anything it refuses the server refuses too.
  const parsed = legalActionRequestSchema.safeParse(request);
  if (!parsed.success) return { request: null, errors: { form: { key: 'server', serverMessage: parsed.error.issues[0]?.message ?? '' } } };
  return { request: parsed.data, errors: {} };
}

const formFields = new Set(['plate', 'caseNumber', 'notes', 'type', 'corrects']);

/** A 400's `details` as errors under the fields they name; anything else is a form error. */
export function serverFieldErrors(details: readonly ErrorDetail[], fallbackMessage: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of details) {
    const field = (formFields.has(path) ? path : 'form') as keyof FieldErrors;
    errors[field] ??= { key: 'server', serverMessage: message };
  }
  if (Object.keys(errors).length === 0) errors.form = { key: 'server', serverMessage: fallbackMessage };
  return errors;
}
