import { useCallback, useState } from 'react';
import { publishingApi } from '../../api/publishing-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

interface RestrictedSectionsPanelProps {
  postmortemId: string;
  /** The report's text sections, to choose one to restrict. */
  sections: ReadonlyArray<{ key: string; label: string }>;
  userId: string;
  canEdit: boolean;
}

/**
 * Which report sections are restricted to named members; their text for those members, a
 * plain notice for everyone else. Writers restrict a section to themselves (members are added
 * through the API) and members declassify it.
 */
export function RestrictedSectionsPanel({
  postmortemId,
  sections,
  userId,
  canEdit,
}: RestrictedSectionsPanelProps) {
  const load = useCallback(() => publishingApi.restrictedSections(postmortemId), [postmortemId]);
  const list = useResource(load);
  const submit = useSubmit();
  const [key, setKey] = useState('');
  const labelOf = (k: string) => sections.find((s) => s.key === k)?.label ?? k;

  if (!list.data) {
    return <LoadState problem={list.problem} onRetry={list.reload} />;
  }
  const restricted = list.data.data;
  const open = sections.filter((s) => !restricted.some((r) => r.key === s.key));
  const act = async (action: () => Promise<unknown>) => {
    if ((await submit.run(action)) !== undefined) {
      await list.reload();
    }
  };

  return (
    <section aria-labelledby="restricted-sections-heading">
      <h3 id="restricted-sections-heading">Restricted sections</h3>
      {restricted.length === 0 ? (
        <p className="muted">
          No section is restricted: everyone who reads this postmortem reads them all.
        </p>
      ) : (
        <ul>
          {restricted.map((section) => (
            <li key={section.key}>
              <strong>{labelOf(section.key)}</strong>{' '}
              <span className="muted">restricted since {formatInstant(section.restrictedAt)}</span>
              {section.readable ? (
                <>
                  <p className="muted">
                    {section.memberIds?.length ?? 0} member(s) read it; it appears in their exports
                    and search, nowhere else.
                  </p>
                  {canEdit && (
                    <button
                      type="button"
                      disabled={submit.pending}
                      onClick={() =>
                        act(() => publishingApi.declassifySection(postmortemId, section.key))
                      }
                    >
                      Declassify {labelOf(section.key)}
                    </button>
                  )}
                </>
              ) : (
                <p>Restricted to its members; you are not among them.</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && open.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (key) {
              void act(() => publishingApi.restrictSection(postmortemId, key, [userId]));
            }
          }}
        >
          <label>
            Restrict a section to me
            <select value={key} onChange={(event) => setKey(event.target.value)}>
              <option value="">Choose a section</option>
              {open.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" disabled={!key || submit.pending}>
            Restrict
          </button>
        </form>
      )}
      <ProblemAlert problem={submit.problem} onReload={list.reload} />
    </section>
  );
}
