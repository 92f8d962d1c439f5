import { type FormEvent, useCallback, useState } from 'react';
import { type Comment, commentsApi } from '../../api/comments-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useReloadOnLiveChange } from '../live/live-tick.ts';

const targetLabels: Record<Comment['targetType'], string> = {
  postmortem: 'the postmortem',
  section: 'report section',
  timeline_event: 'a timeline event',
  why_node: 'a why-node',
  action_item: 'an action item',
};

/**
 * Comment threads on the postmortem and its parts: read them, start one on the postmortem
 * (`@someone@example.com` tells that person), reply, resolve and re-open.
 */
export function CommentsPanel({
  postmortemId,
  canEdit,
}: {
  postmortemId: string;
  canEdit: boolean;
}) {
  const load = useCallback(() => commentsApi.list(postmortemId), [postmortemId]);
  const comments = useResource(load);
  useReloadOnLiveChange(comments.reload);
  const submit = useSubmit();
  const [body, setBody] = useState('');
  const rows = comments.data?.data ?? [];
  const threads = rows.filter((row) => row.data.threadId === null);

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit.run(() => commentsApi.create(postmortemId, { body }))) {
      setBody('');
      await comments.reload();
    }
  };
  const resolve = async (comment: Comment, resolved: boolean) => {
    if (await submit.run(() => commentsApi.update(comment.id, comment.version, { resolved }))) {
      await comments.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="comments-heading" data-testid="comments-panel">
      <h2 id="comments-heading">Comments ({threads.length})</h2>
      {threads.length > 0 && (
        <ul>
          {threads.map(({ data: thread, abilities }) => (
            <li key={thread.id}>
              <p>
                <strong>{thread.authorName ?? 'A former account'}</strong> on{' '}
                {targetLabels[thread.targetType]}
                {thread.targetType === 'section' ? ` ${thread.targetId}` : ''}
                {thread.resolvedAt ? ' (resolved)' : ''}: {thread.body}
              </p>
              <ul>
                {rows
                  .filter((row) => row.data.threadId === thread.id)
                  .map(({ data: reply }) => (
                    <li key={reply.id}>
                      <strong>{reply.authorName ?? 'A former account'}</strong>: {reply.body}
                    </li>
                  ))}
              </ul>
              {abilities.resolve && (
                <button type="button" onClick={() => void resolve(thread, !thread.resolvedAt)}>
                  {thread.resolvedAt ? 'Re-open thread' : 'Resolve thread'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form" onSubmit={post} aria-label="New comment">
          <Field label="Comment (mention someone with @their e-mail)">
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} />
          </Field>
          <div className="actions">
            <button type="submit" disabled={!body.trim() || submit.pending}>
              Comment
            </button>
          </div>
        </form>
      )}
      <ProblemAlert
        problem={submit.problem ?? comments.problem}
        onReload={() => void comments.reload()}
      />
    </section>
  );
}
