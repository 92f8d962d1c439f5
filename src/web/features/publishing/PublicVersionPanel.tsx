import { useCallback } from 'react';
import { type PublicVersion, publishingApi } from '../../api/publishing-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

const kindWords: Record<string, string> = {
  person: 'person',
  internal_url: 'internal link',
  email: 'e-mail address',
  ip_address: 'IP address',
  hostname: 'internal host',
  token: 'credential',
  pattern: 'policy pattern',
};

/**
 * The public version: prepare the redacted preview, read it with every redaction highlighted
 * (in a sandboxed frame: the page runs nothing), approve it if one may, withdraw it.
 */
export function PublicVersionPanel({
  postmortemId,
  canEdit,
}: {
  postmortemId: string;
  canEdit: boolean;
}) {
  const load = useCallback(() => publishingApi.publicVersion(postmortemId), [postmortemId]);
  const state = useResource(load);
  const submit = useSubmit();

  if (!state.data) {
    return <LoadState problem={state.problem} onRetry={state.reload} />;
  }
  const { draft, published, approvalRefusals } = state.data.data;
  const act = async (action: () => Promise<unknown>) => {
    if ((await submit.run(action)) !== undefined) {
      await state.reload();
    }
  };

  return (
    <section aria-labelledby="public-version-heading">
      <h3 id="public-version-heading">Public version</h3>
      {published ? (
        <p>
          Published {formatInstant(published.publishedAt)} at{' '}
          <a href={published.url} target="_blank" rel="noreferrer">
            {published.url}
          </a>
          {published.stale &&
            ' — the postmortem changed since; those changes are not public until a new preview is approved.'}
        </p>
      ) : (
        <p className="muted">Not published outside.</p>
      )}
      {canEdit && (
        <button
          type="button"
          disabled={submit.pending}
          onClick={() => act(() => publishingApi.preparePublicVersion(postmortemId))}
        >
          {draft ? 'Prepare the preview again' : 'Prepare the public preview'}
        </button>
      )}{' '}
      {published && (
        <button
          type="button"
          disabled={submit.pending}
          onClick={() =>
            act(() => publishingApi.withdrawPublicVersion(postmortemId, published.version))
          }
        >
          Withdraw the public version
        </button>
      )}
      {draft && <Preview draft={draft} refusals={approvalRefusals} />}
      {draft && approvalRefusals.length === 0 && (
        <button
          type="button"
          disabled={submit.pending}
          onClick={() => act(() => publishingApi.approvePublicVersion(postmortemId, draft.version))}
        >
          Approve and publish this preview
        </button>
      )}
      <ProblemAlert problem={submit.problem} onReload={state.reload} />
    </section>
  );
}

function Preview({
  draft,
  refusals,
}: {
  draft: NonNullable<PublicVersion['draft']>;
  refusals: PublicVersion['approvalRefusals'];
}) {
  return (
    <>
      <h4>Preview, prepared {formatInstant(draft.preparedAt)}</h4>
      {draft.stale && (
        <p>The postmortem changed since this preview; prepare it again to include the changes.</p>
      )}
      <details>
        <summary>{draft.redactions.length} redaction(s)</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Where</th>
              <th scope="col">Removed</th>
              <th scope="col">Now reads</th>
            </tr>
          </thead>
          <tbody>
            {draft.redactions.map((r, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same text can be redacted twice in one field
              <tr key={index}>
                <td>{kindWords[r.kind] ?? r.kind}</td>
                <td>{r.field}</td>
                <td>{r.original}</td>
                <td>{r.replacement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <iframe
        className="publication-preview"
        title="Public version preview"
        sandbox=""
        srcDoc={draft.previewHtml}
      />
      {refusals.length > 0 && (
        <>
          <p>Before it can be approved:</p>
          <ul>
            {refusals.map((r) => (
              <li key={`${r.code}-${r.role ?? ''}`}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
