import { z } from 'zod';
import { changeAccount } from '../../../app/accounts/change-account.ts';
import { issuePasswordReset } from '../../../app/accounts/password-resets.ts';
import { signOutEverywhere } from '../../../app/accounts/sign-out-everywhere.ts';
import {
  issuedPasswordResetSchema,
  signedOutSchema,
  updateUserBodySchema,
} from '../../../contracts/accounts.ts';
import { userSchema } from '../../../contracts/auth.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../authenticate.ts';
import { presentUser } from '../../presenters/present-user.ts';
import type { RouteContext } from '../route-context.ts';

/** Account administration: role, disabling, one-time reset links, signing out everywhere. */
export function registerUserAdminRoutes({ app, deps }: RouteContext): void {
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['accounts'],
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: z.object({ data: userSchema }) },
      },
    },
    async (request) => {
      const user = await changeAccount(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
      );
      app.forgetAccount(user.id);
      return { data: presentUser(user) };
    },
  );

  app.post(
    '/api/v1/users/:id/password-reset',
    {
      schema: {
        tags: ['accounts'],
        params: idParamsSchema,
        response: { 201: z.object({ data: issuedPasswordResetSchema }) },
      },
    },
    async (request, reply) => {
      const reset = await issuePasswordReset(deps, requireActor(request), request.params.id);
      return reply.code(201).send({
        data: {
          resetPath: `/reset-password#${reset.token}`,
          token: reset.token,
          expiresAt: reset.expiresAt.toISOString(),
        },
      });
    },
  );

  app.delete(
    '/api/v1/users/:id/sessions',
    {
      schema: {
        tags: ['accounts'],
        params: idParamsSchema,
        response: { 200: z.object({ data: signedOutSchema }) },
      },
    },
    async (request) => {
      const signedOut = await signOutEverywhere(deps, requireActor(request), request.params.id);
      app.forgetAccount(request.params.id);
      return { data: signedOut };
    },
  );
}
