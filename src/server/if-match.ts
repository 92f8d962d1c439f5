import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';

/** The version named by `If-Match` (`"3"` or `W/"3"`); PRECONDITION_REQUIRED when absent. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (typeof header !== 'string' || header.trim() === '') {
    throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag you last read.');
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new DomainError('VALIDATION_FAILED', 'If-Match must be an ETag this server issued.', {
      details: {
        errors: [
          { path: 'headers.if-match', code: 'invalid_etag', message: 'Expected "<version>".' },
        ],
      },
    });
  }
  return Number(match[1]);
}

/** Sets the ETag of a versioned record. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}
