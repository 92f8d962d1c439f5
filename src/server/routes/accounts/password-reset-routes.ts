import { z } from 'zod';
import { redeemPasswordReset } from '../../../app/accounts/password-resets.ts';
import { signOutEverywhere } from '../../../app/accounts/sign-out-everywhere.ts';
import { redeemPasswordResetBodySchema, signedOutSchema } from '../../../contracts/accounts.ts';
import { requireActor, sessionCookieName } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

/** Redeeming a reset link (public: the link is the credential) and signing oneself out everywhere. */
export function registerPasswordResetRoutes({ app, deps }: RouteContext): void {
  app.post(
    '/api/v1/password-resets',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        body: redeemPasswordResetBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { userId } = await redeemPasswordReset(deps, request.body);
      app.forgetAccount(userId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/auth/sessions',
    { schema: { tags: ['auth'], response: { 200: z.object({ data: signedOutSchema }) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await signOutEverywhere(deps, actor, actor.id);
      app.forgetAccount(actor.id);
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { data: result };
    },
  );
}
