import { z } from 'zod';
import { changeRestrictedSection } from '../../../app/restricted-sections/change-restricted-section.ts';
import { declassifySection } from '../../../app/restricted-sections/declassify-section.ts';
import { listRestrictedSections } from '../../../app/restricted-sections/list-restricted-sections.ts';
import { restrictSection } from '../../../app/restricted-sections/restrict-section.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  changeRestrictedSectionBodySchema,
  restrictedSectionParamsSchema,
  restrictedSectionSchema,
  restrictSectionBodySchema,
} from '../../../contracts/restricted-sections.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';

/**
 * Report sections restricted to named members: list (text for members only), restrict,
 * change members, declassify. The text itself is written through `PATCH /postmortems/{id}`.
 */
export function registerRestrictedSectionRoutes({ app, deps }: RouteContext): void {
  const list = async (actor: ReturnType<typeof requireActor>, id: string) => ({
    data: await listRestrictedSections(deps, actor, id),
  });

  app.get(
    '/api/v1/postmortems/:id/restricted-sections',
    {
      schema: {
        tags: ['publishing'],
        description:
          'The restricted sections of a postmortem: every reader learns which sections are restricted; only their members (and admins) get the text and the members.',
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(restrictedSectionSchema) }) },
      },
    },
    async (request) => list(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/postmortems/:id/restricted-sections',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Restricts a report section to named members; its text moves with it. 409 ALREADY_EXISTS when it already is.',
        params: idParamsSchema,
        body: restrictSectionBodySchema,
        response: { 201: z.object({ data: z.array(restrictedSectionSchema) }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await restrictSection(deps, actor, request.params.id, request.body);
      return reply.code(201).send(await list(actor, request.params.id));
    },
  );

  app.patch(
    '/api/v1/postmortems/:id/restricted-sections/:key',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Changes who may read a restricted section (If-Match: its version). 403 SECTION_RESTRICTED for non-members.',
        params: restrictedSectionParamsSchema,
        body: changeRestrictedSectionBodySchema,
        response: { 200: z.object({ data: z.array(restrictedSectionSchema) }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = await changeRestrictedSection(
        deps,
        actor,
        request.params.id,
        request.params.key,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, version);
      return list(actor, request.params.id);
    },
  );

  app.delete(
    '/api/v1/postmortems/:id/restricted-sections/:key',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Declassifies a restricted section: its text becomes an open section of the postmortem (audited).',
        params: restrictedSectionParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await declassifySection(deps, requireActor(request), request.params.id, request.params.key);
      return reply.code(204).send(null);
    },
  );
}
