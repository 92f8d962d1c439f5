import { useState } from 'react';
import { type User, usersApi } from '../../api/users-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { InviteForm } from './InviteForm.tsx';
import { roleShortLabels } from './role-labels.ts';

/** The accounts of this Debrief: who can sign in, with which role; invite someone new. */
export function AccountsPage() {
  const users = useResource(usersApi.list);
  const [invited, setInvited] = useState<User | null>(null);

  return (
    <>
      <h2>Accounts</h2>
      <InviteForm
        onInvited={(user) => {
          setInvited(user);
          void users.reload();
        }}
      />
      <p role="status">
        {invited &&
          `${invited.name} can now sign in as ${invited.email} with the first password you chose.`}
      </p>
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
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{roleShortLabels[user.role]}</td>
                  <td>{user.disabled ? 'Disabled' : 'Active'}</td>
                  <td>{formatInstant(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
