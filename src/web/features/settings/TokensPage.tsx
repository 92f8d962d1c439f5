import { type FormEvent, useState } from 'react';
import { type TokenScope, tokenScopes } from '../../../contracts/auth.ts';
import { limits } from '../../../contracts/limits.ts';
import { settingsApi } from '../../api/settings-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatInstant, localInputToIso } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

const scopeLabels: Record<TokenScope, string> = {
  read: 'Read everything I can see',
  write: 'Change what I can change',
  webhook: 'Manage webhook integrations',
};
const scopeShortLabels: Record<TokenScope, string> = {
  read: 'read',
  write: 'write',
  webhook: 'integrations',
};

/** The caller's API tokens: create one (its secret shown once), see when each was used, revoke. */
export function TokensPage() {
  const tokens = useResource(settingsApi.listTokens);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read', 'write']);
  const [expiresOn, setExpiresOn] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSubmit();
  const revoke = useSubmit();

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = expiresOn ? localInputToIso(`${expiresOn}T23:59`) : null;
    const created = await create.run(() =>
      settingsApi.createToken({ name, scopes, ...(expiresAt ? { expiresAt } : {}) }),
    );
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
        <fieldset>
          <legend>What it may do</legend>
          {tokenScopes.map((scope) => (
            <Checkbox
              key={scope}
              label={scopeLabels[scope]}
              checked={scopes.includes(scope)}
              onChange={(on) =>
                setScopes((current) =>
                  on ? [...current, scope] : current.filter((s) => s !== scope),
                )
              }
            />
          ))}
        </fieldset>
        <div className="row">
          <Field label="Expires after" hint="Optional: the last day it works.">
            <input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </Field>
        </div>
        <ProblemAlert
          problem={create.problem}
          fieldLabels={{ name: 'Token name', scopes: 'What it may do', expiresAt: 'Expires after' }}
        />
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
                <th scope="col">May</th>
                <th scope="col">Expires</th>
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
                  <td>{token.scopes.map((scope) => scopeShortLabels[scope]).join(', ')}</td>
                  <td>{token.expiresAt ? formatInstant(token.expiresAt) : 'Never'}</td>
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
