import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getPublication, listPublications } from '../../../app/publishing/read-publications.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { publicationEntrySchema, publicSlugParamsSchema } from '../../../contracts/publishing.ts';
import { renderAtom } from '../../../reports/publication/render-atom.ts';
import type { PublicationHead } from '../../../storage/repositories/publications-repository.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';
import { publicPath } from './publication-routes.ts';

/** The address links in feeds start with: `DEBRIEF_PUBLIC_URL`, else the request's own origin. */
const originOf = (request: FastifyRequest) =>
  process.env.DEBRIEF_PUBLIC_URL?.replace(/\/+$/, '') || `${request.protocol}://${request.host}`;

const internalPage = (id: string) => `/api/v1/publications/${id}/page`;

const entryOf = (head: PublicationHead, url: string) => ({
  id: head.id,
  postmortemId: head.postmortemId,
  title: head.title,
  summary: head.summary,
  publishedAt: head.publishedAt?.toISOString() ?? null,
  url,
});

/** Public pages: no session read, cacheable, revalidated by version. */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  tag: string,
  type: string,
  body: string,
) {
  const etag = `"${tag}"`;
  reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) {
    return reply.code(304).send();
  }
  return reply.type(type).send(body);
}

/**
 * Feeds and pages of published postmortems. Internal ones (JSON, Atom and the page) need an
 * account — any role; public ones are served to anyone from `/public/…`, which never reads a
 * session, with a strict Content-Security-Policy (see `security-headers.ts`).
 */
export function registerFeedRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/publications',
    {
      schema: {
        tags: ['publishing'],
        description: 'Postmortems published internally, newest first: the internal feed.',
        response: { 200: z.object({ data: z.array(publicationEntrySchema) }) },
      },
    },
    async (request) => {
      requireActor(request);
      const heads = await listPublications(deps, 'internal');
      return { data: heads.map((h) => entryOf(h, internalPage(h.id))) };
    },
  );

  app.get(
    '/api/v1/publications/:id/page',
    {
      schema: {
        tags: ['publishing'],
        description: 'An internal publication as a page (HTML).',
        params: idParamsSchema,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const row = await getPublication(deps, 'internal', request.params.id);
      return reply.type('text/html; charset=utf-8').send(row.html);
    },
  );

  app.get(
    '/api/v1/feeds/postmortems.atom',
    {
      schema: {
        tags: ['publishing'],
        description:
          'The internal feed as Atom, for feed readers of signed-in people (a session, or an API token with the read scope).',
        produces: ['application/atom+xml'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const origin = originOf(request);
      const heads = await listPublications(deps, 'internal');
      return reply.type('application/atom+xml; charset=utf-8').send(
        renderAtom({
          id: `${origin}/api/v1/feeds/postmortems.atom`,
          title: 'Postmortems published internally',
          selfUrl: `${origin}/api/v1/feeds/postmortems.atom`,
          emptyUpdated: new Date(0),
          entries: heads.map((h) => ({
            id: `urn:uuid:${h.id}`,
            title: h.title,
            url: `${origin}${internalPage(h.id)}`,
            updated: h.publishedAt ?? new Date(0),
            summary: h.summary,
          })),
        }),
      );
    },
  );

  app.get(
    '/public/postmortems.atom',
    {
      config: { public: true },
      schema: {
        tags: ['publishing'],
        description: 'Public postmortems as an Atom feed; no sign-in.',
        produces: ['application/atom+xml'],
      },
    },
    async (request, reply) => {
      const origin = originOf(request);
      const heads = await listPublications(deps, 'public');
      const body = renderAtom({
        id: `${origin}/public/postmortems.atom`,
        title: 'Postmortems',
        selfUrl: `${origin}/public/postmortems.atom`,
        emptyUpdated: new Date(0),
        entries: heads.map((h) => ({
          id: `urn:uuid:${h.id}`,
          title: h.title,
          url: `${origin}${publicPath(h.slug)}`,
          updated: h.publishedAt ?? new Date(0),
          summary: h.summary,
        })),
      });
      const tag = heads.map((h) => `${h.id.slice(0, 8)}.${h.version}`).join('-') || 'empty';
      return sendCached(
        request,
        reply,
        `feed-${tag.length > 200 ? hash(tag) : tag}`,
        'application/atom+xml; charset=utf-8',
        body,
      );
    },
  );

  app.get(
    '/public/postmortems/:slug',
    {
      config: { public: true },
      schema: {
        tags: ['publishing'],
        description: 'A public version (HTML), as approved; no sign-in.',
        params: publicSlugParamsSchema,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const row = await getPublication(deps, 'public', request.params.slug);
      return sendCached(
        request,
        reply,
        `${row.id}.${row.version}`,
        'text/html; charset=utf-8',
        row.html,
      );
    },
  );
}

/** A short stable digest of a long tag (FNV-1a), for an ETag. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}
