import { useCallback, useState } from 'react';
import { type AuditEvent, auditApi } from '../../api/parts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { codeToWords, describeAction } from '../../lib/humanize.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/** Who did what to this postmortem, and when; newest first, older pages on request. */
export function AuditTrail({ postmortemId }: { postmortemId: string }) {
  const load = useCallback(() => auditApi.list(postmortemId), [postmortemId]);
  const first = useResource(load);
  const [more, setMore] = useState<{ events: AuditEvent[]; nextCursor: string | null } | null>(
    null,
  );
  const loadMore = useSubmit();

  if (!first.data) {
    return <LoadState problem={first.problem} onRetry={first.reload} />;
  }
  const events = [...first.data.data, ...(more?.events ?? [])];
  const nextCursor = more ? more.nextCursor : first.data.page.nextCursor;
  const handleLoadMore = async () => {
    if (!nextCursor) {
      return;
    }
    const page = await loadMore.run(() => auditApi.list(postmortemId, nextCursor));
    if (page) {
      setMore({
        events: [...(more?.events ?? []), ...page.data],
        nextCursor: page.page.nextCursor,
      });
    }
  };

  return (
    <>
      <h2>Audit trail</h2>
      {events.length === 0 ? (
        <p className="empty">Nothing recorded yet.</p>
      ) : (
        <ol className="audit-list">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt)}</time>{' '}
              <strong>{event.actorName ?? 'System'}</strong>: {describeAction(event.action)}{' '}
              <span className="muted">
                ({codeToWords(event.subjectType)} {event.subjectId.slice(0, 8)})
              </span>
            </li>
          ))}
        </ol>
      )}
      <ProblemAlert problem={loadMore.problem} />
      {nextCursor && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={handleLoadMore}
            disabled={loadMore.pending}
          >
            {loadMore.pending ? 'Loading…' : 'Load older events'}
          </button>
        </div>
      )}
    </>
  );
}
