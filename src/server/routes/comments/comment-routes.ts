import { addComment } from '../../../app/comments/add-comment.ts';
import { listComments } from '../../../app/comments/list-comments.ts';
import { updateComment } from '../../../app/comments/update-comment.ts';
import {
  commentSchema,
  createCommentBodySchema,
  updateCommentBodySchema,
} from '../../../contracts/comments.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import type { Comment } from '../../../domain/comment.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['comments'];

const present = (c: Comment & { authorName?: string | null }) => ({
  id: c.id,
  postmortemId: c.postmortemId,
  threadId: c.threadId,
  targetType: c.targetType,
  targetId: c.targetId,
  authorId: c.authorId,
  authorName: c.authorName ?? null,
  body: c.body,
  mentionedUserIds: c.mentionedUserIds,
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
  resolvedById: c.resolvedById,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  editedAt: c.editedAt?.toISOString() ?? null,
});

/** Comment threads on a postmortem, its sections and parts: list, write, edit, resolve. */
export function registerCommentRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/comments',
    { schema: { tags, params: idParamsSchema, response: { 200: paged(commentSchema) } } },
    async (request) => {
      const actor = requireActor(request);
      const { comments, canComment } = await listComments(deps, actor, request.params.id);
      return {
        data: comments.map((c) => ({
          data: present(c),
          abilities: {
            reply: canComment,
            edit: canComment && c.authorId === actor.id,
            resolve: canComment && c.threadId === null,
          },
        })),
        page: { nextCursor: null, total: comments.length },
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/comments',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: createCommentBodySchema,
        response: { 201: single(commentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const comment = await addComment(deps, actor, request.params.id, request.body);
      setEtag(reply, comment.version);
      return reply.code(201).send({
        data: present({ ...comment, authorName: actor.name }),
        abilities: { reply: true, edit: true, resolve: comment.threadId === null },
      });
    },
  );

  app.patch(
    '/api/v1/comments/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: updateCommentBodySchema,
        response: { 200: single(commentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const comment = await updateComment(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, comment.version);
      return {
        data: present(comment),
        abilities: {
          reply: true,
          edit: comment.authorId === actor.id,
          resolve: comment.threadId === null,
        },
      };
    },
  );
}
