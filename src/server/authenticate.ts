import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/app-deps.ts';
import { resolveApiToken } from '../app/auth/api-tokens.ts';
import { resolveSession } from '../app/auth/sessions.ts';
import { hashSecret } from '../app/secrets.ts';
import type { TokenScope } from '../contracts/auth.ts';
import { DomainError } from '../domain/errors.ts';
import type { User } from '../domain/user.ts';
import { type PendingAuthentication, PresumedAccounts } from './presumed-accounts.ts';

/** Name of the session cookie. */
export const sessionCookieName = 'debrief_session';

declare module 'fastify' {
  interface FastifyInstance {
    /** Forgets who a credential belonged to (at sign-out), so no read starts on it again. */
    forgetCredential(secret: string): void;
    /**
     * Forgets every credential of an account whose access just changed (disabled, another
     * role, signed out everywhere or by a password reset, a token revoked), so no read starts
     * on them as it was.
     */
    forgetAccount(userId: string): void;
  }
  interface FastifyRequest {
    /** The signed-in account; null on public routes without credentials. */
    actor: User | null;
    authMethod: 'session' | 'token' | null;
    csrfToken: string | null;
    /**
     * On an `authenticateAlongside` route whose credential was accepted before: the check of
     * the credential still running, and the account it belonged to then (see `actingAs`).
     */
    pendingAuthentication: PendingAuthentication | null;
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
    /**
     * A read whose work may start, as the account a known credential belonged to, while the
     * credential is checked (`actingAs`): the check's round trip is then not added to the
     * read's. The answer still waits for the check. Only for GET routes that use `actingAs`.
     */
    authenticateAlongside?: boolean;
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
  if (request.pendingAuthentication) {
    // A route marked `authenticateAlongside` must read its actor through `actingAs`.
    throw new Error('The credential is still being checked: use actingAs on this route.');
  }
  if (!request.actor) {
    throw new DomainError('UNAUTHENTICATED', 'Sign in or send an API token.');
  }
  return request.actor;
}

/** Who sent a request, once the credential is checked. */
interface Authentication {
  user: User;
  method: 'session' | 'token';
  csrfToken: string | null;
}

/** Options of the authentication hook. */
export interface AuthenticationOptions {
  /** A session unused for this long ends (default 8 hours). */
  sessionIdleTimeoutMs?: number;
  /**
   * The database runs statements side by side (a PostgreSQL pool), so an
   * `authenticateAlongside` read may start beside its credential's check. Off on PGlite: one
   * connection, where the check would wait behind the read and a refusal with it.
   */
  readsBesideChecks?: boolean;
}

/** The request's `Authorization: Bearer` token, if it sends one. */
function bearerToken(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ')
    ? authorization.slice('Bearer '.length).trim()
    : undefined;
}

/** The secret a request presents: its bearer token, else its session cookie. */
function presentedSecret(request: FastifyRequest): string | undefined {
  return bearerToken(request) ?? request.cookies[sessionCookieName];
}

/** A GET of a route whose read may start beside its credential's check. */
function readsBesideCheck(request: FastifyRequest): boolean {
  return request.routeOptions.config.authenticateAlongside === true && request.method === 'GET';
}

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie. Cookie
 * writes must carry the session's CSRF token in `X-CSRF-Token`; bearer tokens need none,
 * since browsers never attach them on their own.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: AppDeps,
  options: AuthenticationOptions = {},
): void {
  const presumedAccounts = new PresumedAccounts();

  /** The caller, `null` without credentials; throws when the credential is refused. */
  async function authenticate(request: FastifyRequest): Promise<Authentication | null> {
    const token = bearerToken(request);
    if (token !== undefined) {
      const resolved = await resolveApiToken(deps, token);
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
      return { user: resolved.user, method: 'token', csrfToken: null };
    }
    const secret = request.cookies[sessionCookieName];
    const session = secret
      ? await resolveSession(deps, secret, options.sessionIdleTimeoutMs)
      : undefined;
    if (!session) {
      return null;
    }
    const sent = request.headers['x-csrf-token'];
    if (
      unsafeMethods.has(request.method) &&
      (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken))
    ) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Send the session’s CSRF token in X-CSRF-Token.');
    }
    return { user: session.user, method: 'session', csrfToken: session.csrfToken };
  }

  /**
   * Records the caller on the request, or refuses a non-public route without one. Only a
   * credential accepted for a read that may start beside its check is remembered for the next
   * such read (a token without the `read` scope never is); a refused one is forgotten.
   */
  async function admit(request: FastifyRequest): Promise<void> {
    const secret = presentedSecret(request);
    try {
      const found = await authenticate(request);
      if (found) {
        request.actor = found.user;
        request.authMethod = found.method;
        request.csrfToken = found.csrfToken;
      } else if (secret) {
        // A cookie that no longer opens a session, even on a public route.
        presumedAccounts.forget(hashSecret(secret));
      }
      if (!request.actor && !request.routeOptions.config.public) {
        throw new DomainError('UNAUTHENTICATED', 'Sign in or send an API token.');
      }
      if (secret && request.actor && options.readsBesideChecks && readsBesideCheck(request)) {
        presumedAccounts.remember(hashSecret(secret), request.actor);
      }
    } catch (refusal) {
      if (secret) {
        presumedAccounts.forget(hashSecret(secret));
      }
      throw refusal;
    }
  }

  /** The account the request's credential belonged to when last accepted for such a read. */
  function presumedAccount(request: FastifyRequest): User | undefined {
    if (!options.readsBesideChecks || !readsBesideCheck(request)) {
      return undefined;
    }
    const secret = presentedSecret(request);
    return secret ? presumedAccounts.presume(hashSecret(secret)) : undefined;
  }

  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('pendingAuthentication', null);
  app.addHook('onRequest', async (request) => {
    const path = routePath(request);
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) {
      return;
    }
    if (request.routeOptions.config.webhook) {
      return;
    }
    const presumed = presumedAccount(request);
    if (!presumed) {
      await admit(request);
      return;
    }
    let checked: Promise<void> | undefined;
    const check = () => {
      checked ??= admit(request).then(() => {
        // Only once accepted: a refusal stays here for the error handler to answer.
        request.pendingAuthentication = null;
      });
      return checked;
    };
    // Started and awaited by `actingAs`, or by the error handler if the request fails first.
    request.pendingAuthentication = { presumed, check };
  });
  // A route marked `authenticateAlongside` that answered without `actingAs` (a string, a
  // stream, a 404…) answers nothing before the check: its refusal replaces the answer.
  app.addHook('onSend', async (request, _reply, payload) => {
    const pending = request.pendingAuthentication;
    if (pending) {
      try {
        await pending.check();
      } catch (refusal) {
        (payload as { destroy?: () => void } | null)?.destroy?.();
        throw refusal;
      }
    }
    return payload;
  });
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.config?.authenticateAlongside && methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
      throw new Error(`${route.url}: only a GET may read beside its credential's check.`);
    }
  });
  app.decorate('forgetCredential', (secret: string) => {
    presumedAccounts.forget(hashSecret(secret));
  });
  app.decorate('forgetAccount', (userId: string) => {
    presumedAccounts.forgetAccount(userId);
  });
}
