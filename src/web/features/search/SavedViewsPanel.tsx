import { type FormEvent, useCallback, useState } from 'react';
import { searchLimits } from '../../../contracts/search.ts';
import { type SearchParams, searchApi } from '../../api/search-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Link } from '../../routing/Link.tsx';
import { searchHref, viewFiltersFromParams } from './search-query.ts';

/** Saved views: yours and those others shared, to run; the current search, to save. */
export function SavedViewsPanel({ params }: { params: SearchParams }) {
  const load = useCallback(() => searchApi.listViews(), []);
  const views = useResource(load);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useSubmit();
  const remove = useSubmit();

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save.run(() =>
      searchApi.createView({
        name,
        q: params.q ?? '',
        filters: viewFiltersFromParams(params),
        shared,
      }),
    );
    if (created) {
      setName('');
      await views.reload();
    }
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">Saved views</h2>
      {views.data && views.data.data.length === 0 && <p className="muted">None yet.</p>}
      <ul className="saved-views-list">
        {views.data?.data.map(({ data: view, abilities }) => (
          <li key={view.id}>
            <Link
              to={searchHref({ view: view.id })}
              aria-current={params.view === view.id ? 'page' : undefined}
            >
              {view.name}
            </Link>
            {view.shared && <span className="muted"> · shared by {view.ownerName}</span>}
            {abilities.delete && (
              <button
                type="button"
                className="link"
                aria-label={`Delete saved view ${view.name}`}
                disabled={remove.pending}
                onClick={async () => {
                  await remove.run(() => searchApi.deleteView(view.id, view.version));
                  await views.reload();
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert problem={views.problem ?? remove.problem} />
      <form onSubmit={handleSave} aria-label="Save this search">
        <Field label="Save this search as">
          <input
            value={name}
            required
            maxLength={searchLimits.viewNameMax}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Checkbox label="Share with everyone" checked={shared} onChange={setShared} />
        <button type="submit" disabled={save.pending}>
          Save view
        </button>
        <ProblemAlert problem={save.problem} />
      </form>
    </section>
  );
}
