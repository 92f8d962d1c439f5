import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/auth/api-tokens.ts';
import { createUser } from '../../../app/auth/create-user.ts';
import {
  apiTokenSchema,
  createdTokenSchema,
  createTokenBodySchema,
  createUserBodySchema,
  userSchema,
} from '../../../contracts/auth.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { can } from '../../../domain/authorization.ts';
import { DomainError } from '../../../domain/errors.ts';
import { usersRepository } from '../../../storage/repositories/users-repository.ts';
import { requireActor } from '../../authenticate.ts';
import { presentApiToken, presentUser } from '../../presenters/present-user.ts';
import type { RouteContext } from '../route-context.ts';

/** Accounts (admins) and the caller's own API tokens. */
export function registerAccountRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/users',
    { schema: { tags: ['accounts'], response: { 200: z.object({ data: z.array(userSchema) }) } } },
    async (request) => {
      const actor = requireActor(request);
      const users = await usersRepository.listUsers(deps.db);
      // Members see the directory (to add participants and members); only names and roles matter.
      if (!can(actor, 'incident.create') && !can(actor, 'user.manage')) {
        throw new DomainError('FORBIDDEN', 'Viewers cannot list accounts.');
      }
      return { data: users.map(presentUser) };
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['accounts'],
        body: createUserBodySchema,
        response: { 201: z.object({ data: userSchema }) },
      },
    },
    async (request, reply) => {
      const user = await createUser(deps, requireActor(request), request.body);
      return reply.code(201).send({ data: presentUser(user) });
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['accounts'],
        response: { 200: z.object({ data: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({
      data: (await listApiTokens(deps, requireActor(request))).map(presentApiToken),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['accounts'],
        body: createTokenBodySchema,
        response: { 201: z.object({ data: createdTokenSchema }) },
      },
    },
    async (request, reply) => {
      const token = await createApiToken(deps, requireActor(request), request.body);
      return reply.code(201).send({ data: { ...presentApiToken(token), token: token.token } });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['accounts'], params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeApiToken(deps, actor, request.params.id);
      app.forgetAccount(actor.id);
      return reply.code(204).send(null);
    },
  );
}
