/**
 * The one error vocabulary of the service: a stable code, the HTTP status it
 * answers with, and the key of its message in the string catalog (lang/).
 * Codes never change meaning; clients (the Moodle plugin) switch on them.
 */

export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  AUTH_EXPIRED: 401,
  NOT_FOUND: 404,
  BILL_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BILL_NOT_LETTERABLE: 409,
  LETTERING_DUPLICATE: 409,
  LETTERING_STALE: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LETTERING_INVALID: 422,
  INTERNAL: 500,
  BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 503,
  WRITE_UNCONFIRMED: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorDetails = Record<string, string | number | boolean | null>;

/**
 * A refusal the service explains to its caller. `messageKey` names the string
 * in lang/ (component local_shop); `details` fill its placeholders and travel
 * in the response for programs.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
    readonly messageKey: string = `error_${code.toLowerCase()}`,
  ) {
    super(code);
    this.status = ERROR_CODES[code];
  }
}
