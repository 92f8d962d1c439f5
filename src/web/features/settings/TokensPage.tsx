import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { settingsApi } from '../../api/settings-api.ts';
import { Field } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/** The caller's API tokens: create one (its secret shown once), see when each was used, revoke. */
export function TokensPage() {
  const tokens = useResource(settingsApi.listTokens);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSubmit();
  const revoke = useSubmit();

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run(() => settingsApi.createToken(name));
    if (created) {
      setSecret(created.data.token);
      setName('');
      await tokens.reload();
    }
  };
  const handleRevoke = async (id: string) => {
    if (await revoke.run(() => settingsApi.revokeToken(id))) {
      await tokens.reload();
    }
  };

  return (
    <>
      <h2>My API tokens</h2>
      <p className="muted">
        For scripts and the command line: send <code>Authorization: Bearer &lt;token&gt;</code>. A
        token acts as you, with your role.
      </p>
      {secret && (
        <SecretOnce
          label="Your new token"
          value={secret}
          note="copy it now: it is not shown again"
        />
      )}
      <form className="form card" onSubmit={handleCreate} aria-label="New API token">
        <div className="row">
          <Field label="Token name" required hint="What it is for, e.g. CI export job">
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={limits.nameMax}
            />
          </Field>
        </div>
        <ProblemAlert problem={create.problem} fieldLabels={{ name: 'Token name' }} />
        <div className="actions">
          <button type="submit" disabled={create.pending}>
            Create token
          </button>
        </div>
      </form>
      <ProblemAlert problem={revoke.problem} />
      {!tokens.data ? (
        <LoadState problem={tokens.problem} onRetry={tokens.reload} />
      ) : tokens.data.data.length === 0 ? (
        <p className="empty">No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">My API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatInstant(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt) : 'Never'}</td>
                  <td className="row-actions">
                    {token.revokedAt ? (
                      <span className="tag">Revoked {formatInstant(token.revokedAt)}</span>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        disabled={revoke.pending}
                        onClick={() => void handleRevoke(token.id)}
                      >
                        Revoke {token.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
