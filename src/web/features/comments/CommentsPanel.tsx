import { useCallback, useState } from 'react';
import { type Comment, commentsApi } from '../../api/comments-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useReloadOnLiveChange } from '../live/live-tick.ts';
import { CommentThread } from './CommentThread.tsx';
import { NewThreadForm } from './NewThreadForm.tsx';
import { type AnchorType, useCommentAnchors } from './use-comment-anchors.ts';

interface CommentsPanelProps {
  postmortemId: string;
  /** The report's text sections (its template's), to comment on one by name. */
  sections: ReadonlyArray<{ key: string; label: string }>;
  canEdit: boolean;
}

/**
 * Comment threads on the postmortem and its parts, each naming where it is: start one on the
 * postmortem, a report section, a timeline event, a why-node or an action item
 * (`@someone@example.com` tells that person), reply, resolve and re-open.
 */
export function CommentsPanel({ postmortemId, sections, canEdit }: CommentsPanelProps) {
  const load = useCallback(() => commentsApi.list(postmortemId), [postmortemId]);
  const comments = useResource(load);
  useReloadOnLiveChange(comments.reload);
  const submit = useSubmit();
  const [choosing, setChoosing] = useState<AnchorType>('postmortem');
  const rows = comments.data?.data ?? [];
  const threads = rows.filter((row) => row.data.threadId === null);
  const anchors = useCommentAnchors(postmortemId, sections, [
    ...threads.map((t) => t.data.targetType),
    choosing,
  ]);

  const act = async (action: () => Promise<unknown>) => {
    if ((await submit.run(action)) === undefined) {
      return false;
    }
    await comments.reload();
    return true;
  };
  const resolve = (comment: Comment, resolved: boolean) =>
    void act(() => commentsApi.update(comment.id, comment.version, { resolved }));

  return (
    <section className="card" aria-labelledby="comments-heading" data-testid="comments-panel">
      <h2 id="comments-heading">Comments ({threads.length})</h2>
      {threads.length > 0 && (
        <ul className="comment-threads">
          {threads.map(({ data: thread, abilities }) => (
            <CommentThread
              key={thread.id}
              thread={thread}
              replies={rows.filter((r) => r.data.threadId === thread.id).map((r) => r.data)}
              anchorLabel={anchors.labelOf(thread.targetType, thread.targetId)}
              canReply={canEdit}
              canResolve={abilities.resolve === true}
              pending={submit.pending}
              onReply={(body) =>
                act(() => commentsApi.create(postmortemId, { threadId: thread.id, body }))
              }
              onResolve={(resolved) => resolve(thread, resolved)}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <NewThreadForm
          anchorsOf={anchors.anchorsOf}
          onTypeChange={setChoosing}
          pending={submit.pending}
          onStart={(body) => act(() => commentsApi.create(postmortemId, body))}
        />
      )}
      <ProblemAlert
        problem={submit.problem ?? comments.problem}
        onReload={() => void comments.reload()}
      />
    </section>
  );
}
