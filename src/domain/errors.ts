/**
 * Stable error codes of the domain. Each code is part of the public API: clients branch on it,
 * `docs/errors.md` documents it and `src/server/problem.ts` maps it to an HTTP status.
 */
export const errorCodes = [
  /** Input failed validation; `details.errors` lists every issue. */
  'VALIDATION_FAILED',
  /** The resource does not exist or the actor may not know that it exists. */
  'NOT_FOUND',
  /** No valid session or API token was presented. */
  'UNAUTHENTICATED',
  /** The actor is known but lacks the permission for this action. */
  'FORBIDDEN',
  /** A cookie-authenticated write came without a matching CSRF token. */
  'CSRF_TOKEN_INVALID',
  /** Sign-in failed: unknown email or wrong password (deliberately indistinguishable). */
  'INVALID_CREDENTIALS',
  /** First-admin setup was attempted after an account already exists. */
  'SETUP_ALREADY_DONE',
  /** An update was sent without `If-Match`. */
  'PRECONDITION_REQUIRED',
  /** `If-Match` named a version that is no longer current; `details.currentVersion` has it. */
  'VERSION_MISMATCH',
  /** A phase change was refused; `details.unmet` lists every unmet condition. */
  'TRANSITION_REFUSED',
  /** The requested phase change is not an edge of the lifecycle. */
  'TRANSITION_NOT_ALLOWED',
  /** A write was attempted on a closed postmortem; re-open it first. */
  'POSTMORTEM_CLOSED',
  /** A value that is well-formed but breaks a business rule (e.g. `wont_do` without a reason). */
  'INVARIANT_VIOLATED',
  /** A unique value (email, external id) is already taken. */
  'ALREADY_EXISTS',
  /** The request body exceeds the configured size limit. */
  'PAYLOAD_TOO_LARGE',
  /** A path segment of the URL is longer than the server reads. */
  'URI_TOO_LONG',
  /** The request body is not valid JSON or not of a supported media type. */
  'MALFORMED_REQUEST',
  /** The route exists but not for this method (a `GET` on a webhook); `Allow` lists the methods. */
  'METHOD_NOT_ALLOWED',
  /** A password reset link that is unknown, used, expired or replaced by a newer one. */
  'RESET_LINK_INVALID',
  /** Too many failed sign-ins for this account from this address; `details.retryAfterSeconds`. */
  'RATE_LIMITED',
  /** A PDF was asked for but no Chromium is installed to print it; the message says what to install. */
  'PDF_RENDERER_UNAVAILABLE',
  /** An import job whose server stopped before it ended (kept on the job; nothing was stored). */
  'IMPORT_INTERRUPTED',
  /** A restricted report section was written by someone who is not among its members. */
  'SECTION_RESTRICTED',
  /** The postmortem is on legal hold: it cannot be deleted, nor its revisions discarded. */
  'LEGAL_HOLD',
  /** Publishing (internally or publicly) was refused; `details.unmet` lists every reason. */
  'PUBLICATION_REFUSED',
  /** Email-and-password sign-in (and first-admin setup) is turned off: sign in through the identity provider. */
  'PASSWORD_SIGN_IN_DISABLED',
  /** The OpenID Connect provider did not answer (discovery or token request). */
  'IDENTITY_PROVIDER_UNAVAILABLE',
  /** Anything unexpected; the response carries only a request id. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One validation issue: where (`path`) and what (`code`, `message`). */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** The only error type the domain and the use cases throw on purpose. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
