import { ApiError } from '../../api/http';

/** The i18n key of a refused or failed commander action. */
export function commanderErrorKey(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'generic';
  if (code === 'invalid_transition' || code === 'forbidden') return `commander.errors.${code}`;
  return ['network', 'invalid_input', 'unauthorized', 'too_many_requests'].includes(code) ? `errors.${code}` : 'errors.generic';
}
