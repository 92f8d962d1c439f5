import { type FormEvent, useState } from 'react';
import type { Comment } from '../../api/comments-api.ts';
import { formatInstant } from '../../lib/datetime.ts';

interface CommentThreadProps {
  thread: Comment;
  replies: readonly Comment[];
  /** Where the thread is, in words (`timeline event “10:05 — Alert fired”`). */
  anchorLabel: string;
  canReply: boolean;
  canResolve: boolean;
  pending: boolean;
  onReply: (body: string) => Promise<boolean>;
  onResolve: (resolved: boolean) => void;
}

/** One thread: where it is, its first comment and replies, a reply box, resolve or re-open. */
export function CommentThread({
  thread,
  replies,
  anchorLabel,
  canReply,
  canResolve,
  pending,
  onReply,
  onResolve,
}: CommentThreadProps) {
  const [reply, setReply] = useState('');
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await onReply(reply)) {
      setReply('');
    }
  };
  const author = (c: Comment) => c.authorName ?? 'A former account';

  return (
    <li className="comment-thread" aria-label={`Thread on ${anchorLabel}`}>
      <p className="muted">
        On {anchorLabel}
        {thread.resolvedAt ? ` · resolved ${formatInstant(thread.resolvedAt)}` : ''}
      </p>
      <p>
        <strong>{author(thread)}</strong>: {thread.body}
      </p>
      {replies.length > 0 && (
        <ul>
          {replies.map((r) => (
            <li key={r.id}>
              <strong>{author(r)}</strong>: {r.body}
            </li>
          ))}
        </ul>
      )}
      {canReply && !thread.resolvedAt && (
        <form className="form" onSubmit={send} aria-label={`Reply on ${anchorLabel}`}>
          <label>
            Reply
            <textarea value={reply} onChange={(e) => setReply(e.target.value)} rows={1} />
          </label>{' '}
          <button type="submit" disabled={!reply.trim() || pending}>
            Reply
          </button>
        </form>
      )}
      {canResolve && (
        <button type="button" disabled={pending} onClick={() => onResolve(!thread.resolvedAt)}>
          {thread.resolvedAt ? 'Re-open thread' : 'Resolve thread'}
        </button>
      )}
    </li>
  );
}
