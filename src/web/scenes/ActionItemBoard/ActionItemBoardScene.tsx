import { useCallback } from 'react';
import {
  type BoardSort,
  type BoardView,
  boardSorts,
  boardViews,
} from '../../../domain/action-item-board.ts';
import { type BoardFilters, boardApi } from '../../api/action-item-board-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { BoardTable } from '../../features/action-items/BoardTable.tsx';
import { MyReminders } from '../../features/action-items/MyReminders.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { navigate } from '../../routing/location-store.ts';
import { useLocation } from '../../routing/use-location.ts';

const viewLabels: Record<BoardView, string> = {
  all: 'All',
  mine: 'Mine',
  overdue: 'Overdue',
  due_soon: 'Due soon',
  done_unverified: 'Done, not verified',
};
const sortLabels: Record<BoardSort, string> = {
  due: 'Due date',
  priority: 'Priority',
  updated: 'Recently changed',
  postmortem: 'Postmortem',
};
const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

/** `/action-items`: the follow-through board across every postmortem the viewer may see. */
export function ActionItemBoardScene() {
  useDocumentTitle('Action items');
  const { query } = useLocation();
  const filters: BoardFilters = {
    view: pick(boardViews, query.get('view'), 'all'),
    sort: pick(boardSorts, query.get('sort'), 'due'),
    team: query.get('team') || undefined,
  };
  const { view, sort, team } = filters;
  const load = useCallback(() => boardApi.list({ view, sort, team }), [view, sort, team]);
  const board = useResource(load);
  const go = (next: Partial<BoardFilters>) => {
    const merged = { ...filters, ...next };
    const params = new URLSearchParams({ view: merged.view, sort: merged.sort });
    if (merged.team) {
      params.set('team', merged.team);
    }
    navigate(`/action-items?${params.toString()}`);
  };
  const counts = board.data?.counts;

  return (
    <>
      <h1>Action items</h1>
      <MyReminders />
      <nav aria-label="Board views" className="filters">
        {boardViews.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className={candidate === view ? undefined : 'secondary'}
            aria-pressed={candidate === view}
            onClick={() => go({ view: candidate })}
          >
            {viewLabels[candidate]}
            {counts && ` (${counts.views[candidate]})`}
          </button>
        ))}
      </nav>
      <div className="filters">
        <SelectFilter
          label="Team"
          value={team ?? ''}
          options={(counts?.teams ?? []).flatMap((t) =>
            t.team ? [[t.team, t.team] as const] : [],
          )}
          onChange={(value) => go({ team: value || undefined })}
        />
        <div className="field">
          <label>
            <span className="field-label">Sort by</span>
            <select value={sort} onChange={(e) => go({ sort: e.target.value as BoardSort })}>
              {boardSorts.map((s) => (
                <option key={s} value={s}>
                  {sortLabels[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <a className="button secondary" href={boardApi.csvUrl(filters)} download>
          Export CSV
        </a>
      </div>
      {!board.data ? (
        <LoadState problem={board.problem} onRetry={board.reload} />
      ) : (
        <>
          {board.data.data.length === 0 ? (
            <p className="empty">Nothing here: no action item matches.</p>
          ) : (
            <BoardTable items={board.data.data} />
          )}
          <p className="muted">
            {board.data.data.length} of {board.data.page.total} shown.
          </p>
          {board.data.counts.teams.length > 0 && (
            <table className="data-table" aria-label="Counts per team">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Open</th>
                  <th scope="col">Overdue</th>
                  <th scope="col">Done, not verified</th>
                </tr>
              </thead>
              <tbody>
                {board.data.counts.teams.map((t) => (
                  <tr key={t.team ?? ''}>
                    <td>{t.team ?? 'No team'}</td>
                    <td>{t.open}</td>
                    <td>{t.overdue}</td>
                    <td>{t.doneUnverified}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
