import type { ErrorCode, ErrorDetail } from '@rasd/shared';

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  too_many_requests: 429,
  idempotency_conflict: 422,
  already_claimed: 409,
  invalid_transition: 409,
  internal: 500,
  unavailable: 503,
};

/** A refusal with the contract's error code; the edges turn it into an HTTP answer or a socket ack. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** For 429 and 503: when to try again (the Retry-After header). */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.status = statusOf[code];
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}
