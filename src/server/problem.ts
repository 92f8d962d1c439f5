import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../contracts/problem.ts';
import { DomainError, type ErrorCode, type ValidationIssue } from '../domain/errors.ts';
import { loggableError } from '../storage/loggable-error.ts';
import { translateStorageError } from '../storage/translate-storage-error.ts';

/** HTTP status per error code: the one table that maps domain errors to HTTP. */
export const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_EXISTS: 409,
  SETUP_ALREADY_DONE: 409,
  TRANSITION_REFUSED: 409,
  TRANSITION_NOT_ALLOWED: 409,
  POSTMORTEM_CLOSED: 409,
  VERSION_MISMATCH: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  INVARIANT_VIOLATED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  RESET_LINK_INVALID: 400,
  SECTION_RESTRICTED: 403,
  LEGAL_HOLD: 409,
  PUBLICATION_REFUSED: 409,
  INTERNAL: 500,
  PDF_RENDERER_UNAVAILABLE: 503,
  IMPORT_INTERRUPTED: 503,
  PASSWORD_SIGN_IN_DISABLED: 403,
  IDENTITY_PROVIDER_UNAVAILABLE: 502,
};

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_REQUEST: 'The request body could not be read',
  UNAUTHENTICATED: 'Sign in first',
  INVALID_CREDENTIALS: 'Email or password is not correct',
  FORBIDDEN: 'Not allowed',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  ALREADY_EXISTS: 'Already exists',
  SETUP_ALREADY_DONE: 'Already set up',
  TRANSITION_REFUSED: 'The phase change is not possible yet',
  TRANSITION_NOT_ALLOWED: 'No such phase change',
  POSTMORTEM_CLOSED: 'The postmortem is closed',
  VERSION_MISMATCH: 'Someone else changed this first',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  URI_TOO_LONG: 'The address is too long',
  INVARIANT_VIOLATED: 'The change breaks a rule',
  PRECONDITION_REQUIRED: 'If-Match is required',
  RATE_LIMITED: 'Too many attempts',
  RESET_LINK_INVALID: 'The reset link does not work',
  SECTION_RESTRICTED: 'This section is restricted to its members',
  LEGAL_HOLD: 'The postmortem is on legal hold',
  PUBLICATION_REFUSED: 'It cannot be published yet',
  INTERNAL: 'Something went wrong on our side',
  PDF_RENDERER_UNAVAILABLE: 'PDF export is not available on this server',
  IMPORT_INTERRUPTED: 'The server stopped during this import',
  PASSWORD_SIGN_IN_DISABLED: 'Sign in through your identity provider',
  IDENTITY_PROVIDER_UNAVAILABLE: 'The identity provider does not answer',
};

/** A documentation link per code, so that a problem explains itself. */
export const problemType = (code: ErrorCode) =>
  `/docs/errors#${code.toLowerCase().replaceAll('_', '-')}`;

function fromFastifyError(error: FastifyError): DomainError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: ValidationIssue[] = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      code: issue.keyword,
      message: issue.message ?? 'invalid',
    }));
    return new DomainError('VALIDATION_FAILED', `The ${where} has ${errors.length} problem(s).`, {
      details: { errors },
      cause: error,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('PAYLOAD_TOO_LARGE', error.message, { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('MALFORMED_REQUEST', error.message, { cause: error });
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new DomainError('MALFORMED_REQUEST', `The body is not valid JSON: ${error.message}`, {
      cause: error,
    });
  }
  if (error.statusCode === 415) {
    return new DomainError('MALFORMED_REQUEST', error.message, { cause: error });
  }
  return undefined;
}

/** Builds the problem body for any error; unknown ones reveal only the request id. */
export function toProblem(error: unknown, requestId: string): Problem {
  const known =
    error instanceof DomainError
      ? error
      : (translateStorageError(error) ?? fromFastifyError(error as FastifyError));
  if (!known) {
    return {
      type: problemType('INTERNAL'),
      title: titles.INTERNAL,
      status: 500,
      code: 'INTERNAL',
      requestId,
    };
  }
  const { errors, ...details } = known.details ?? {};
  return {
    type: problemType(known.code),
    title: titles[known.code],
    status: statusByCode[known.code],
    code: known.code,
    detail: known.message,
    requestId,
    ...(Array.isArray(errors) ? { errors: errors as ValidationIssue[] } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

/** Fastify error handler: logs unexpected errors with their stack, answers problem+json. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error, String(request.id));
  if (problem.status >= 500) {
    request.log.error({ err: loggableError(error) }, 'request failed');
  } else {
    request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  }
  const retryAfter = problem.details?.retryAfterSeconds;
  if (problem.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
    reply.header('retry-after', String(retryAfter));
  }
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
