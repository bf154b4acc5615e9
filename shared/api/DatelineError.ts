// Errors cross every transport as plain data ({ code, message, details }) and are rebuilt on the other side,
// because neither structured clone nor JSON keeps a class or its custom fields.

export const errorCodes = [
  'invalid_input',
  'invalid_media',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'in_use',
  /** A workflow move the table forbids, or whose checklist found problems; `details.items` lists them all. */
  'invalid_transition',
  'storage_failed',
  /** A publishing target is needed and none is set up in the settings. */
  'not_configured',
  /** The CMS refused or could not be reached; `message` says which. */
  'delivery_failed',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_media: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  in_use: 409,
  invalid_transition: 409,
  storage_failed: 507,
  not_configured: 409,
  delivery_failed: 502,
  unavailable: 503,
  internal: 500,
};

export class DatelineError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DatelineError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(payload: ErrorPayload): DatelineError {
    return new DatelineError(payload.code, payload.message, payload.details);
  }
}

/** What every transport carries back for one call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
