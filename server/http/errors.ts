export interface FieldError {
  path: string;
  message: string;
}

const STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_mismatch: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Invalid request',
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  invalid_credentials: 'Invalid credentials',
  csrf_failed: 'CSRF check failed',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  version_mismatch: 'Version mismatch',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Unprocessable request',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

/** The one error type of Kontor: a code with a fixed HTTP status, a message and optional field errors. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** Extension members of the problem document, e.g. the current record on a 412. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
  get title(): string {
    return TITLES[this.code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const conflict = (message: string, errors: FieldError[] = []) => new AppError('conflict', message, errors);
export const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

export function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  return match ? match[0] : status >= 500 ? 'internal' : 'bad_request';
}

export function titleFor(code: ErrorCode): string {
  return TITLES[code];
}

export function problemType(code: ErrorCode): string {
  return `urn:kontor:problem:${code}`;
}
