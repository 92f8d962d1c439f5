import { z } from 'zod';
import {
  removePersonalAccount,
  updatePersonalAccount,
} from '../../../app/personal-accounts/change-personal-account.ts';
import { lintPersonalAccount } from '../../../app/personal-accounts/lint-personal-account.ts';
import { pinPersonalAccountMoment } from '../../../app/personal-accounts/pin-personal-account-moment.ts';
import {
  listPersonalAccounts,
  submitPersonalAccount,
} from '../../../app/personal-accounts/submit-personal-account.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import {
  createPersonalAccountBodySchema,
  personalAccountSchema,
  personalAccountWriteResponseSchema,
  pinPersonalAccountMomentBodySchema,
  updatePersonalAccountBodySchema,
} from '../../../contracts/personal-accounts.ts';
import { timelineEventSchema } from '../../../contracts/postmortem-parts.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentPart } from '../../presenters/present-parts.ts';
import { presentPersonalAccount } from '../../presenters/present-personal-account.ts';
import { postmortemAbilities } from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['personal-accounts'];

/**
 * Personal accounts: list and submit under a postmortem; edit and withdraw (the author of a
 * named account only, with If-Match); pin a moment into the timeline as a proposed event.
 */
export function registerPersonalAccountRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/personal-accounts',
    { schema: { tags, params: idParamsSchema, response: { 200: paged(personalAccountSchema) } } },
    async (request) => {
      const actor = requireActor(request);
      const { postmortem, items } = await listPersonalAccounts(deps, actor, request.params.id);
      const { update } = postmortemAbilities(postmortem, actor);
      return {
        data: items.map((item) => presentPersonalAccount(item, update, actor)),
        page: { nextCursor: null, total: items.length },
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/personal-accounts',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: createPersonalAccountBodySchema,
        response: { 201: personalAccountWriteResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const account = await submitPersonalAccount(deps, actor, request.params.id, request.body);
      setEtag(reply, account.version);
      return reply.code(201).send({
        ...presentPersonalAccount(account, true, actor),
        findings: await lintPersonalAccount(deps, account.body, request.body.lintRequested),
      });
    },
  );

  app.patch(
    '/api/v1/personal-accounts/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: updatePersonalAccountBodySchema,
        response: { 200: personalAccountWriteResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const account = await updatePersonalAccount(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body.body,
      );
      setEtag(reply, account.version);
      return {
        ...presentPersonalAccount(account, true, actor),
        findings: await lintPersonalAccount(deps, account.body, request.body.lintRequested),
      };
    },
  );

  app.delete(
    '/api/v1/personal-accounts/:id',
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await removePersonalAccount(deps, actor, request.params.id, requireIfMatch(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/personal-accounts/:id/pins',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: pinPersonalAccountMomentBodySchema,
        response: { 200: single(timelineEventSchema), 201: single(timelineEventSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { event, created } = await pinPersonalAccountMoment(
        deps,
        actor,
        request.params.id,
        request.body,
      );
      setEtag(reply, event.version);
      return reply.code(created ? 201 : 200).send(presentPart(event, true, actor));
    },
  );
}
