import { useState } from 'react';
import { usersApi } from '../../api/users-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSession } from '../session/session-context.ts';
import { AccountRow } from './AccountRow.tsx';
import { InviteForm } from './InviteForm.tsx';

/** The accounts of this Debrief: invite someone, change roles, disable, reset, sign out. */
export function AccountsPage() {
  const { session } = useSession();
  const users = useResource(usersApi.list);
  const [invited, setInvited] = useState<{ name: string; link: string } | null>(null);

  return (
    <>
      <h2>Accounts</h2>
      <InviteForm
        onInvited={(user, link) => {
          setInvited({ name: user.name, link });
          void users.reload();
        }}
      />
      {invited && (
        <SecretOnce
          label={`Invitation link for ${invited.name}`}
          value={invited.link}
          note="send it to them: they choose their password with it (once, within a day)"
        />
      )}
      {!users.data ? (
        <LoadState problem={users.problem} onRetry={users.reload} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((user) => (
                <AccountRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === session.user.id}
                  onChanged={users.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
