import { useCallback } from 'react';
import { publishingApi } from '../../api/publishing-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';

/** The internal feed: postmortems published inside the organisation, newest first. */
export function PublishedScene() {
  const load = useCallback(() => publishingApi.publications(), []);
  const list = useResource(load);
  return (
    <>
      <h1>Published postmortems</h1>
      <p className="muted">
        Every postmortem that reached follow-up, as published for the whole organisation. Also as a
        feed: <a href="/api/v1/feeds/postmortems.atom">Atom</a>.
      </p>
      {!list.data ? (
        <LoadState problem={list.problem} onRetry={list.reload} />
      ) : list.data.data.length === 0 ? (
        <p>Nothing published yet.</p>
      ) : (
        <ul className="publication-list">
          {list.data.data.map((entry) => (
            <li key={entry.id}>
              <a href={entry.url} target="_blank" rel="noreferrer">
                {entry.title}
              </a>{' '}
              <span className="muted">{formatInstant(entry.publishedAt)}</span>
              {entry.summary && <p>{entry.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
