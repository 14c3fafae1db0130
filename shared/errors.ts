/**
 * Error codes that cross the IPC boundary. The renderer shows `message` through i18n: it is a message key
 * (e.g. `errors.customer.codeTaken`), never free text, so the same error reads in zh-CN and en-US.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INSUFFICIENT_STOCK',
  'INSUFFICIENT_POINTS',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem: where it is and which message key explains it. */
export interface FieldIssue {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ErrorDetails {
  issues?: FieldIssue[];
  params?: Record<string, string | number>;
  [extra: string]: unknown;
}

/** The shape every failure takes on the wire. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  constructor(code: ErrorCode, messageKey: string, details?: ErrorDetails) {
    super(messageKey);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

/** Shorthand for a single-field validation failure raised by a business rule. */
export function fieldError(path: string, key: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', key, { issues: [{ path, key, ...(params ? { params } : {}) }] });
}
