import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/app-deps.ts';
import { resolveApiToken } from '../app/auth/api-tokens.ts';
import { resolveSession } from '../app/auth/sessions.ts';
import type { TokenScope } from '../contracts/auth.ts';
import { DomainError } from '../domain/errors.ts';
import type { User } from '../domain/user.ts';

/** Name of the session cookie. */
export const sessionCookieName = 'debrief_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; null on public routes without credentials. */
    actor: User | null;
    authMethod: 'session' | 'token' | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (health, setup, sign-in, docs). */
    public?: boolean;
    /**
     * Webhook receivers: they authenticate each delivery themselves (an integration token in
     * the path or as `Authorization: Bearer`, or the vendor's signature), never as an account.
     */
    webhook?: boolean;
    /** The scope a bearer token needs here; by default `read` for GET/HEAD, else `write`. */
    tokenScope?: TokenScope;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The path the router decided on: the matched route's pattern, or the percent-decoded path
 * when nothing matched. Deciding on the raw URL let `/%61pi/v1/…` reach an API route unseen.
 */
function routePath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched !== undefined) {
    return matched;
  }
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The signed-in account of a request on a non-public route. */
export function requireActor(request: FastifyRequest): User {
  if (!request.actor) {
    throw new DomainError('UNAUTHENTICATED', 'Sign in or send an API token.');
  }
  return request.actor;
}

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie. Cookie
 * writes must carry the session's CSRF token in `X-CSRF-Token`; bearer tokens need none,
 * since browsers never attach them on their own.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: AppDeps,
  options: { sessionIdleTimeoutMs?: number } = {},
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const path = routePath(request);
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) {
      return;
    }
    if (request.routeOptions.config.webhook) {
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const resolved = await resolveApiToken(deps, authorization.slice('Bearer '.length).trim());
      if (!resolved) {
        throw new DomainError(
          'UNAUTHENTICATED',
          'The API token is not valid, has expired or was revoked.',
        );
      }
      const needed =
        request.routeOptions.config.tokenScope ??
        (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
      if (!resolved.scopes.includes(needed)) {
        throw new DomainError('FORBIDDEN', `This API token lacks the ${needed} scope.`, {
          details: { requiredScope: needed },
        });
      }
      request.actor = resolved.user;
      request.authMethod = 'token';
    } else {
      const secret = request.cookies[sessionCookieName];
      const session = secret
        ? await resolveSession(deps, secret, options.sessionIdleTimeoutMs)
        : undefined;
      if (session) {
        request.actor = session.user;
        request.authMethod = 'session';
        request.csrfToken = session.csrfToken;
        const sent = request.headers['x-csrf-token'];
        if (
          unsafeMethods.has(request.method) &&
          (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken))
        ) {
          throw new DomainError(
            'CSRF_TOKEN_INVALID',
            'Send the session’s CSRF token in X-CSRF-Token.',
          );
        }
      }
    }
    if (!request.actor && !request.routeOptions.config.public) {
      throw new DomainError('UNAUTHENTICATED', 'Sign in or send an API token.');
    }
  });
}
