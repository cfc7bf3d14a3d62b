import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Anything that could carry a credential, wherever it turns up in a log object. The request
 * serializers below already leave headers and bodies out; this catches what a future
 * `log.info({ ... })` might pass by mistake (pino's wildcards match one level).
 */
export const redactedPaths = [
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'cookie',
  'authorization',
  'totp',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.secret',
  '*.token',
  '*.cookie',
  '*.authorization',
  '*.totp',
  'req.headers',
  'res.headers',
  'headers',
  '*.headers',
  'body',
  '*.body',
];

/** The process's JSON logger: one line per event, credentials censored. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
