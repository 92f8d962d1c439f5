import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { signInWithOidc } from '../../../app/auth/sign-in-with-oidc.ts';
import { signInMethodsSchema } from '../../../contracts/auth.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import type { OidcClient, PendingSignIn } from '../../oidc/oidc-client.ts';
import type { RouteContext } from '../route-context.ts';
import { setSessionCookie } from './session-routes.ts';

/** The cookie that carries state, nonce and PKCE verifier to the callback. */
const flowCookie = 'debrief_oidc';
const flowPath = '/api/v1/auth/oidc';
const flowSeconds = 10 * 60;

const callbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
  session_state: z.string().max(2000).optional(),
});

function readPending(value: string | undefined): PendingSignIn | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value ?? '', 'base64url').toString('utf8'));
    const { state, nonce, verifier } = parsed as Record<string, unknown>;
    return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string'
      ? { state, nonce, verifier }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sign-in methods, and OpenID Connect sign-in (authorization code + PKCE): `start` redirects to
 * the provider, `callback` redeems the code, maps the person's groups to a role, signs them in
 * and redirects to the app. Without `DEBRIEF_OIDC_*` both answer 404.
 */
export function registerOidcRoutes(
  { app, deps, secureCookies }: RouteContext,
  oidc: { client: OidcClient; displayName: string; redirectUri: string } | undefined,
  localAccounts: boolean,
): void {
  const tags = ['auth'];
  const notConfigured = () =>
    new DomainError('NOT_FOUND', 'Single sign-on is not configured on this server.');
  const clearFlow = (reply: FastifyReply) => reply.clearCookie(flowCookie, { path: flowPath });

  app.get(
    '/api/v1/auth/methods',
    { config: { public: true }, schema: { tags, response: { 200: signInMethodsSchema } } },
    async () => ({
      password: localAccounts,
      oidc: oidc ? { name: oidc.displayName, startUrl: `${flowPath}/start` } : null,
    }),
  );

  app.get(
    `${flowPath}/start`,
    { config: { public: true }, schema: { tags, response: { 302: z.null() } } },
    async (_request, reply) => {
      if (!oidc) {
        throw notConfigured();
      }
      const { url, pending } = await oidc.client.start().catch((cause: unknown) => {
        throw new DomainError(
          'IDENTITY_PROVIDER_UNAVAILABLE',
          'The identity provider does not answer.',
          {
            cause,
          },
        );
      });
      reply.setCookie(flowCookie, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: secureCookies,
        path: flowPath,
        maxAge: flowSeconds,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    `${flowPath}/callback`,
    {
      config: { public: true },
      schema: { tags, querystring: callbackQuerySchema, response: { 302: z.null() } },
    },
    async (request, reply) => {
      if (!oidc) {
        throw notConfigured();
      }
      const pending = readPending(request.cookies[flowCookie]);
      clearFlow(reply);
      if (!pending) {
        throw new DomainError(
          'UNAUTHENTICATED',
          'The sign-in took too long or was not started here; start again.',
        );
      }
      if (request.query.error) {
        throw new DomainError('UNAUTHENTICATED', 'The identity provider did not sign you in.', {
          details: { providerError: request.query.error },
        });
      }
      // The URL the provider redirected to: the registered callback plus what it appended.
      const at = request.url.indexOf('?');
      const query = at >= 0 ? request.url.slice(at) : '';
      const callbackUrl = new URL(`${oidc.redirectUri}${query}`);
      const verified = await oidc.client.finish(callbackUrl, pending).catch((cause: unknown) => {
        throw isDomainError(cause)
          ? cause
          : new DomainError(
              'UNAUTHENTICATED',
              'The identity provider’s answer could not be verified; start again.',
              { cause },
            );
      });
      const session = await signInWithOidc(deps, verified.identity, verified.role);
      // The provider may have changed the account (its role, today): its other credentials
      // must not start a search as it was. Forgetting on every sign-in needs no list of what
      // changed; each of them is checked before its next search, once.
      app.forgetAccount(session.user.id);
      setSessionCookie(reply, session, secureCookies);
      return reply.redirect('/', 302);
    },
  );
}
