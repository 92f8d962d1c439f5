import { z } from 'zod';
import { type StartedSession, signIn, signOut, startSession } from '../../../app/auth/sessions.ts';
import { needsSetup, setupFirstAdmin } from '../../../app/auth/setup-first-admin.ts';
import { forgetSignInFailures, reserveSignInAttempt } from '../../../app/auth/sign-in-throttle.ts';
import {
  sessionSchema,
  setupBodySchema,
  setupStatusSchema,
  signInBodySchema,
} from '../../../contracts/auth.ts';
import { DomainError } from '../../../domain/errors.ts';
import { requireActor, sessionCookieName } from '../../authenticate.ts';
import { presentSession } from '../../presenters/present-user.ts';
import type { RouteContext } from '../route-context.ts';

/** Sets the session cookie of a session just started. */
export function setSessionCookie(
  reply: { setCookie: (name: string, value: string, options: object) => unknown },
  session: StartedSession,
  secureCookies: boolean,
): void {
  reply.setCookie(sessionCookieName, session.secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

/**
 * First-admin setup, sign-in, sign-out and the current session. With `localAccounts` false,
 * setup and password sign-in answer PASSWORD_SIGN_IN_DISABLED: people sign in through the
 * identity provider (and the first admin is whoever its groups make one).
 */
export function registerSessionRoutes(
  { app, deps, secureCookies }: RouteContext,
  localAccounts = true,
): void {
  const setCookie = (
    reply: { setCookie: (name: string, value: string, options: object) => unknown },
    session: StartedSession,
  ) => setSessionCookie(reply, session, secureCookies);
  const requireLocalAccounts = () => {
    if (!localAccounts) {
      throw new DomainError(
        'PASSWORD_SIGN_IN_DISABLED',
        'Sign-in with email and password is turned off on this server; use single sign-on.',
      );
    }
  };

  app.get(
    '/api/v1/setup',
    { config: { public: true }, schema: { tags: ['auth'], response: { 200: setupStatusSchema } } },
    async () => ({ needsSetup: localAccounts && (await needsSetup(deps)) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: setupBodySchema, response: { 201: sessionSchema } },
    },
    async (request, reply) => {
      requireLocalAccounts();
      const user = await setupFirstAdmin(deps, request.body);
      const session = await startSession(deps, user);
      setCookie(reply, session);
      return reply.code(201).send(presentSession(user, session.csrfToken));
    },
  );

  app.post(
    '/api/v1/auth/sessions',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: signInBodySchema, response: { 201: sessionSchema } },
    },
    async (request, reply) => {
      requireLocalAccounts();
      // request.ip honours X-Forwarded-For only from a configured trusted proxy.
      const attempt = { email: request.body.email, address: request.ip };
      await reserveSignInAttempt(deps, attempt);
      const session = await signIn(deps, request.body);
      await forgetSignInFailures(deps, attempt);
      setCookie(reply, session);
      return reply.code(201).send(presentSession(session.user, session.csrfToken));
    },
  );

  app.get(
    '/api/v1/auth/session',
    { schema: { tags: ['auth'], response: { 200: sessionSchema } } },
    async (request) => presentSession(requireActor(request), request.csrfToken),
  );

  app.delete(
    '/api/v1/auth/sessions/current',
    { config: { public: true }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const secret = request.cookies[sessionCookieName];
      if (secret && request.authMethod === 'session') {
        await signOut(deps, secret);
        app.forgetCredential(secret);
      }
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
