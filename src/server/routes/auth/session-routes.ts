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
import { requireActor, sessionCookieName } from '../../authenticate.ts';
import { presentSession } from '../../presenters/present-user.ts';
import type { RouteContext } from '../route-context.ts';

/** First-admin setup, sign-in, sign-out and the current session. */
export function registerSessionRoutes({ app, deps, secureCookies }: RouteContext): void {
  const setCookie = (
    reply: { setCookie: (name: string, value: string, options: object) => unknown },
    session: StartedSession,
  ) =>
    reply.setCookie(sessionCookieName, session.secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      expires: session.expiresAt,
    });

  app.get(
    '/api/v1/setup',
    { config: { public: true }, schema: { tags: ['auth'], response: { 200: setupStatusSchema } } },
    async () => ({ needsSetup: await needsSetup(deps) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: setupBodySchema, response: { 201: sessionSchema } },
    },
    async (request, reply) => {
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
      }
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
