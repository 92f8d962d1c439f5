import { useCallback } from 'react';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { SeverityBadge } from '../../features/incidents/SeverityBadge.tsx';
import { postmortemLabels } from '../../features/postmortems/labels.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { navigate } from '../../routing/location-store.ts';
import { useLocation } from '../../routing/use-location.ts';

/** `/postmortems`: every postmortem the viewer may see, filterable by phase. */
export function PostmortemListScene() {
  useDocumentTitle('Postmortems');
  const { query } = useLocation();
  const phase = query.get('phase') ?? '';
  const load = useCallback(() => postmortemsApi.list({ phase: phase || undefined }), [phase]);
  const list = useResource(load);

  return (
    <>
      <h1>Postmortems</h1>
      <div className="filters">
        <SelectFilter
          label="Phase"
          value={phase}
          options={Object.entries(postmortemLabels.phase)}
          onChange={(value) => navigate(value ? `/postmortems?phase=${value}` : '/postmortems')}
        />
      </div>
      {!list.data ? (
        <LoadState problem={list.problem} onRetry={list.reload} />
      ) : list.data.data.length === 0 ? (
        <p className="empty">No postmortems here. Open one from an incident.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Title</th>
              <th scope="col">Phase</th>
              <th scope="col">Severity</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map(({ data }) => (
              <tr key={data.id}>
                <td>PM-{data.number}</td>
                <td>
                  <Link to={`/postmortems/${data.id}`}>{data.title}</Link>
                </td>
                <td>{postmortemLabels.phase[data.phase]}</td>
                <td>
                  <SeverityBadge severity={data.severity} />
                </td>
                <td>{formatInstant(data.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
