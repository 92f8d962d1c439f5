import { z } from 'zod';
import type { AppDeps } from '../../../app/app-deps.ts';
import { listParts } from '../../../app/parts/part-write.ts';
import { addWhyNode, removeWhyNode, updateWhyNode } from '../../../app/why-tree/why-nodes.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import {
  createWhyNodeBodySchema,
  updateWhyNodeBodySchema,
  whyNodeSchema,
  whyTreeResponseSchema,
} from '../../../contracts/why-tree.ts';
import type { Actor } from '../../../domain/user.ts';
import { depthHints } from '../../../domain/why-tree.ts';
import { whyTreeMermaid } from '../../../reports/why-tree-mermaid.ts';
import { whyNodesRepository } from '../../../storage/repositories/why-nodes-repository.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { postmortemAbilities } from '../../presenters/present-postmortem.ts';
import { presentWhyNode } from '../../presenters/present-why-node.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['why-tree'];

const loadTree = async (deps: AppDeps, actor: Actor, postmortemId: string) => {
  const { postmortem, items } = await listParts(
    deps,
    actor,
    postmortemId,
    whyNodesRepository.listForPostmortem,
  );
  return { nodes: items, update: postmortemAbilities(postmortem, actor).update };
};

/** The why-tree of a postmortem: list, add, edit/move/mark, remove, and its Mermaid export. */
export function registerWhyTreeRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/why-nodes',
    { schema: { tags, params: idParamsSchema, response: { 200: whyTreeResponseSchema } } },
    async (request) => {
      const { nodes, update } = await loadTree(deps, requireActor(request), request.params.id);
      return {
        data: nodes.map((node) => presentWhyNode(node, update)),
        page: { nextCursor: null, total: nodes.length },
        hints: depthHints(nodes),
        abilities: { create: update },
      };
    },
  );

  app.get(
    '/api/v1/postmortems/:id/why-tree.mmd',
    {
      schema: {
        tags,
        description: 'The why-tree as a Mermaid flowchart (text/plain).',
        params: idParamsSchema,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const { nodes } = await loadTree(deps, requireActor(request), request.params.id);
      return reply.type('text/plain; charset=utf-8').send(whyTreeMermaid(nodes));
    },
  );

  app.post(
    '/api/v1/postmortems/:id/why-nodes',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: createWhyNodeBodySchema,
        response: { 201: single(whyNodeSchema) },
      },
    },
    async (request, reply) => {
      const node = await addWhyNode(deps, requireActor(request), request.params.id, request.body);
      setEtag(reply, node.version);
      return reply.code(201).send(presentWhyNode(node, true));
    },
  );

  app.patch(
    '/api/v1/why-nodes/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: updateWhyNodeBodySchema,
        response: { 200: single(whyNodeSchema) },
      },
    },
    async (request, reply) => {
      const node = await updateWhyNode(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, node.version);
      return presentWhyNode(node, true);
    },
  );

  app.delete(
    '/api/v1/why-nodes/:id',
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeWhyNode(deps, requireActor(request), request.params.id, requireIfMatch(request));
      return reply.code(204).send(null);
    },
  );
}
