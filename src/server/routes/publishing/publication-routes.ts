import { z } from 'zod';
import type { PublicVersionState } from '../../../app/publishing/public-version.ts';
import {
  approvePublicVersion,
  getPublicVersion,
  preparePublicVersion,
  withdrawPublicVersion,
} from '../../../app/publishing/public-version.ts';
import { publishInternally } from '../../../app/publishing/publish-internally.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  type PublicVersionDto,
  publicationEntrySchema,
  publicVersionSchema,
} from '../../../contracts/publishing.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';

/** The public address of a public version. */
export const publicPath = (slug: string) => `/public/postmortems/${slug}`;

function presentPublicVersion(state: PublicVersionState): PublicVersionDto {
  return {
    draft: state.draft
      ? { ...state.draft, preparedAt: state.draft.preparedAt.toISOString() }
      : null,
    published: state.published
      ? {
          ...state.published,
          url: publicPath(state.published.slug),
          publishedAt: state.published.publishedAt?.toISOString() ?? null,
        }
      : null,
    approvalRefusals: state.approvalRefusals,
  };
}

/**
 * Publishing one postmortem: internally (a snapshot every member and viewer reads) and publicly
 * (a redacted preview, approved by a named approver into a snapshot at a public address).
 */
export function registerPublicationRoutes({ app, deps }: RouteContext): void {
  app.post(
    '/api/v1/postmortems/:id/internal-publication',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Publishes the postmortem internally (again): a snapshot without restricted sections. Also done on reaching follow-up. 409 PUBLICATION_REFUSED lists every reason when it cannot be yet.',
        params: idParamsSchema,
        response: { 201: z.object({ data: publicationEntrySchema }), 409: z.unknown() },
      },
    },
    async (request, reply) => {
      const row = await publishInternally(deps, requireActor(request), request.params.id);
      return reply.code(201).send({
        data: {
          id: row.id,
          postmortemId: row.postmortemId,
          title: row.title,
          summary: String(row.document.feedSummary ?? ''),
          publishedAt: row.publishedAt?.toISOString() ?? null,
          url: `/api/v1/publications/${row.id}/page`,
        },
      });
    },
  );

  app.get(
    '/api/v1/postmortems/:id/public-version',
    {
      schema: {
        tags: ['publishing'],
        description:
          'The public version: the redacted preview waiting for approval (each redaction listed and highlighted), the published snapshot, and what stands before approval.',
        params: idParamsSchema,
        response: { 200: z.object({ data: publicVersionSchema }) },
      },
    },
    async (request) => ({
      data: presentPublicVersion(
        await getPublicVersion(deps, requireActor(request), request.params.id),
      ),
    }),
  );

  app.post(
    '/api/v1/postmortems/:id/public-version',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Prepares (again) the redacted preview from the postmortem as it is now: names become roles, internal hosts, addresses, e-mails, credentials and links go, restricted sections are dropped.',
        params: idParamsSchema,
        response: { 201: z.object({ data: publicVersionSchema }) },
      },
    },
    async (request, reply) => {
      const state = await preparePublicVersion(deps, requireActor(request), request.params.id);
      if (state.draft) {
        setEtag(reply, state.draft.version);
      }
      return reply.code(201).send({ data: presentPublicVersion(state) });
    },
  );

  app.post(
    '/api/v1/postmortems/:id/public-version/approval',
    {
      schema: {
        tags: ['publishing'],
        description:
          'A named approver approves exactly the previewed draft (If-Match: its version) and publishes it at its public address. 409 PUBLICATION_REFUSED lists every reason it cannot be yet.',
        params: idParamsSchema,
        response: { 200: z.object({ data: publicVersionSchema }), 409: z.unknown() },
      },
    },
    async (request) => ({
      data: presentPublicVersion(
        await approvePublicVersion(
          deps,
          requireActor(request),
          request.params.id,
          requireIfMatch(request),
        ),
      ),
    }),
  );

  app.delete(
    '/api/v1/postmortems/:id/public-version',
    {
      schema: {
        tags: ['publishing'],
        description:
          'Takes the public version offline (If-Match: its version); named approvers and admins.',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withdrawPublicVersion(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}
