import { z } from 'zod';
import type { AppDeps } from '../../../app/app-deps.ts';
import { listParts, readParts } from '../../../app/parts/part-write.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import type { Actor } from '../../../domain/user.ts';
import type { Database } from '../../../storage/database.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { type PostmortemPart, presentPart } from '../../presenters/present-parts.ts';
import { postmortemAbilities } from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';

/** One kind of postmortem part, as its routes need it. */
export interface PartResource<P extends PostmortemPart, C extends z.ZodType, U extends z.ZodType> {
  /** Plural kebab name: `/postmortems/{id}/<name>` and `/<name>/{id}`. */
  name: string;
  itemSchema: z.ZodType;
  createBody: C;
  updateBody: U;
  list: (db: Database, postmortemId: string) => Promise<P[]>;
  /**
   * The list page as JSON built by the database, the same body as `list` presented: for parts
   * that come by the thousand (the timeline).
   */
  listJson?: (
    db: Database,
    postmortemId: string,
    abilities: { update: boolean; remove: boolean },
  ) => Promise<string>;
  create: (deps: AppDeps, actor: Actor, postmortemId: string, body: z.infer<C>) => Promise<P>;
  update: (
    deps: AppDeps,
    actor: Actor,
    id: string,
    version: number,
    body: z.infer<U>,
  ) => Promise<P>;
  remove: (deps: AppDeps, actor: Actor, id: string, version: number) => Promise<void>;
}

/** Registers list/create under the postmortem and update/delete (with If-Match) per item. */
export function registerPartRoutes<
  P extends PostmortemPart,
  C extends z.ZodType,
  U extends z.ZodType,
>({ app, deps }: RouteContext, resource: PartResource<P, C, U>): void {
  const tags = [resource.name];
  app.get(
    `/api/v1/postmortems/:id/${resource.name}`,
    { schema: { tags, params: idParamsSchema, response: { 200: paged(resource.itemSchema) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { listJson } = resource;
      if (listJson) {
        const body = await readParts(deps, actor, request.params.id, (db, postmortem) => {
          const { update } = postmortemAbilities(postmortem, actor);
          return listJson(db, request.params.id, { update, remove: update });
        });
        // Already the declared response, serialised by the database.
        return reply.type('application/json; charset=utf-8').send(body as never);
      }
      const { postmortem, items } = await listParts(deps, actor, request.params.id, resource.list);
      const { update } = postmortemAbilities(postmortem, actor);
      const authorBarred = deps.policy.authorMayApprove ? null : postmortem.createdById;
      return {
        data: items.map((item) => presentPart(item, update, actor, authorBarred)),
        page: { nextCursor: null, total: items.length },
      };
    },
  );

  app.post(
    `/api/v1/postmortems/:id/${resource.name}`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: resource.createBody,
        response: { 201: single(resource.itemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const part = await resource.create(
        deps,
        actor,
        request.params.id,
        request.body as z.infer<C>,
      );
      setEtag(reply, part.version);
      return reply.code(201).send(presentPart(part, true, actor));
    },
  );

  app.patch(
    `/api/v1/${resource.name}/:id`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: resource.updateBody,
        response: { 200: single(resource.itemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const part = await resource.update(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body as z.infer<U>,
      );
      setEtag(reply, part.version);
      return presentPart(part, true, actor);
    },
  );

  app.delete(
    `/api/v1/${resource.name}/:id`,
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await resource.remove(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}
