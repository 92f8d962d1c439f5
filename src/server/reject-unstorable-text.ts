import type { FastifyInstance } from 'fastify';
import { DomainError, type ValidationIssue } from '../domain/errors.ts';

// A NUL character, or half of a surrogate pair: PostgreSQL cannot store either in text or jsonb.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function collect(value: unknown, path: string, issues: ValidationIssue[], depth = 0): void {
  if (depth > 32 || issues.length >= 50) {
    return;
  }
  if (typeof value === 'string') {
    if (unstorable.test(value)) {
      issues.push({
        path,
        code: 'unstorable_text',
        message: 'Text must not contain NUL characters or unpaired surrogates.',
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      collect(item, `${path}.${i}`, issues, depth + 1);
    });
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      collect(key, `${path}.${key}`, issues, depth + 1);
      collect(item, `${path}.${key}`, issues, depth + 1);
    }
  }
}

/**
 * Refuses, before validation, any text PostgreSQL cannot store — in the body, the query or the
 * path — as a 400 listing every place, instead of a failing query (a 500) deep in a use case.
 * Raw bodies (webhooks, uploads) are left to their converters, which clean what they store.
 */
export function registerUnstorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues: ValidationIssue[] = [];
    collect(request.params, 'params', issues);
    collect(request.query, 'querystring', issues);
    collect(request.body, 'body', issues);
    if (issues.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `The request has ${issues.length} problem(s).`, {
        details: { errors: issues },
      });
    }
  });
}
