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
import { PresumedAccounts, sameAccount } from './presumed-accounts.ts';

/** Name of the session cookie. */
export const sessionCookieName = 'debrief_session';

declare module 'fastify' {
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

/** A credential check not yet done, and whom the credential belonged to when last accepted. */
export interface PendingAuthentication {
  presumed: User;
  /**
   * Starts the check (once; later calls return the same promise), which settles when it ends
   * and rejects with the refusal (401, 403) if it refuses.
   */
  check(): Promise<void>;
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

/**
 * Runs a read as the request's account. On an `authenticateAlongside` route with a credential
 * accepted before, it starts at once as the account the credential belonged to then, beside
 * the credential's check; the result is returned only if the check accepts the credential for
 * that same account unchanged: a refused credential answers the refusal (whatever the read
 * found), and a changed account (another role, say) runs the read again as it is now.
 */
export async function actingAs<T>(
  request: FastifyRequest,
  read: (actor: User) => Promise<T>,
): Promise<T> {
  const pending = request.pendingAuthentication;
  if (!pending) {
    return read(requireActor(request));
  }
  // The read starts first, so its statement goes out first: the check's is short and ends well
  // before it.
  const reading = (async () => read(pending.presumed))();
  const [checked, result] = await Promise.allSettled([pending.check(), reading]);
  if (checked.status === 'rejected') {
    throw checked.reason;
  }
  const actor = requireActor(request);
  if (!sameAccount(pending.presumed, actor)) {
    return read(actor);
  }
  if (result.status === 'rejected') {
    throw result.reason;
  }
  return result.value;
}

/**
 * The refusal of a request that failed (a 400, say) before its credential's check was done: the
 * check runs, and a refused credential is answered as such, before anything else about it.
 */
export async function authenticationRefusal(request: FastifyRequest): Promise<unknown> {
  try {
    await request.pendingAuthentication?.check();
    return undefined;
  } catch (refusal) {
    return refusal;
  }
}

/** Who sent a request, once the credential is checked. */
interface Authentication {
  user: User;
  method: 'session' | 'token';
  csrfToken: string | null;
  credentialHash: string;
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
  const presumedAccounts = new PresumedAccounts();

  /** The caller, `null` without credentials; throws when the credential is refused. */
  async function authenticate(request: FastifyRequest): Promise<Authentication | null> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice('Bearer '.length).trim();
      const resolved = await resolveApiToken(deps, token);
      if (!resolved) {
        presumedAccounts.forget(hashSecret(token));
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
      return {
        user: resolved.user,
        method: 'token',
        csrfToken: null,
        credentialHash: hashSecret(token),
      };
    }
    const secret = request.cookies[sessionCookieName];
    if (!secret) {
      return null;
    }
    const session = await resolveSession(deps, secret, options.sessionIdleTimeoutMs);
    if (!session) {
      presumedAccounts.forget(hashSecret(secret));
      return null;
    }
    const sent = request.headers['x-csrf-token'];
    if (
      unsafeMethods.has(request.method) &&
      (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken))
    ) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Send the session’s CSRF token in X-CSRF-Token.');
    }
    return {
      user: session.user,
      method: 'session',
      csrfToken: session.csrfToken,
      credentialHash: hashSecret(secret),
    };
  }

  /** Records the caller on the request; refuses a non-public route without one. */
  function admit(request: FastifyRequest, found: Authentication | null): void {
    if (found) {
      request.actor = found.user;
      request.authMethod = found.method;
      request.csrfToken = found.csrfToken;
      presumedAccounts.remember(found.credentialHash, found.user);
    }
    if (!request.actor && !request.routeOptions.config.public) {
      throw new DomainError('UNAUTHENTICATED', 'Sign in or send an API token.');
    }
  }

  /** The account a credential the server accepted before belonged to, if any. */
  function presumedAccount(request: FastifyRequest): User | undefined {
    const authorization = request.headers.authorization;
    const secret = authorization?.startsWith('Bearer ')
      ? authorization.slice('Bearer '.length).trim()
      : request.cookies[sessionCookieName];
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
    const config = request.routeOptions.config;
    if (config.webhook) {
      return;
    }
    const presumed =
      config.authenticateAlongside && request.method === 'GET'
        ? presumedAccount(request)
        : undefined;
    if (presumed) {
      let checked: Promise<void> | undefined;
      const check = () => {
        checked ??= authenticate(request).then((found) => {
          admit(request, found);
          // Only once accepted: a refusal stays here for the error handler to answer.
          request.pendingAuthentication = null;
        });
        return checked;
      };
      // Started and awaited by `actingAs`, or by the error handler if the request fails first.
      request.pendingAuthentication = { presumed, check };
      return;
    }
    admit(request, await authenticate(request));
  });
}
