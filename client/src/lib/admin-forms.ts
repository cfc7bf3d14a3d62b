import { issuesToDetails, type ErrorDetail } from '@rasd/shared';
import type { z } from 'zod';
import { ApiError } from '../api/http';

/** A form field's problem as an i18n key under `admin.fieldErrors`, by top-level field name. */
export type FieldErrors = Partial<Record<string, string>>;

const knownFields = new Set(['username', 'role', 'password', 'url', 'events', 'callSign', 'kind']);
/** Fields the server may answer `taken` for (a unique name). */
const uniqueFields = new Set(['username', 'callSign']);

/**
 * The message of each bad field. The same mapping reads the shared schema's issues before sending
 * and the details of the server's 400 after, so both say the same thing in the user's language.
 */
export function fieldErrorsOf(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of details) {
    const field = path.split('.')[0] || 'form';
    const key = uniqueFields.has(field) && message === 'taken' ? `${field}Taken` : knownFields.has(field) ? field : 'invalid';
    errors[field] ??= `admin.fieldErrors.${key}`;
  }
  return errors;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks a form's input with the schema the server uses for the same call. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Checked<z.infer<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrorsOf(issuesToDetails(parsed.error.issues)) };
}

// The desk's wording of these speaks of incidents; the admin page says its own.
const adminErrors = new Set(['forbidden', 'not_found']);
const commonErrors = new Set(['unauthorized', 'network', 'too_many_requests', 'unavailable']);

/** The i18n key of a failed admin call's message. */
export function adminErrorKey(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'generic';
  if (adminErrors.has(code)) return `admin.errors.${code}`;
  return commonErrors.has(code) ? `errors.${code}` : 'errors.generic';
}

/** What a refused or failed submission tells the user: the form's message and each bad field's. */
export function failureOf(error: unknown): { key: string; fields: FieldErrors } {
  if (error instanceof ApiError && error.code === 'invalid_input' && error.details.length > 0) {
    return { key: 'admin.checkFields', fields: fieldErrorsOf(error.details) };
  }
  return { key: adminErrorKey(error), fields: {} };
}
