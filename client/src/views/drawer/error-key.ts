const known = new Set([
  'forbidden',
  'invalid_transition',
  'already_claimed',
  'not_found',
  'unauthorized',
  'network',
  'too_many_requests',
  'invalid_input',
  'unavailable',
]);

/** The i18n key of the message for a failed command's error code. */
export function errorKey(code: string): string {
  return 'errors.' + (known.has(code) ? code : 'generic');
}
