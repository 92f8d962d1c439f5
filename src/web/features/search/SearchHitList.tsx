import { formatRecordNumber } from '../../../domain/record-number.ts';
import type { SearchHitView } from '../../api/search-api.ts';
import { Link } from '../../routing/Link.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';
import { partLabel } from './part-label.ts';

/** The hits, each with its snippet; matched words are marked, never rendered as markup. */
export function SearchHitList({
  hits,
  sectionLabels,
}: {
  hits: SearchHitView[];
  sectionLabels: Record<string, string>;
}) {
  return (
    <ol className="search-hits">
      {hits.map((hit) => (
        <li key={hit.postmortemId}>
          <h2>
            <Link to={`/postmortems/${hit.postmortemId}`}>{hit.title}</Link>
          </h2>
          <p className="muted">
            PM-{formatRecordNumber(hit.number)} · {postmortemLabels.phase[hit.phase]}
          </p>
          {hit.snippets.map((snippet) => (
            <p key={snippet.part} className="search-snippet">
              <span className="search-part">{partLabel(snippet.part, sectionLabels)}:</span>{' '}
              {snippet.segments.map((segment, index) =>
                segment.hit ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder
                  <mark key={index}>{segment.text}</mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
