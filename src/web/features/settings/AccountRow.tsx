import { useState } from 'react';
import { type UserRole, userRoles } from '../../../domain/user.ts';
import { settingsApi } from '../../api/settings-api.ts';
import type { User } from '../../api/users-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { plural } from '../../lib/plural.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { roleShortLabels } from './role-labels.ts';

interface AccountRowProps {
  user: User;
  isSelf: boolean;
  onChanged: () => Promise<void>;
}

/** One account with what an admin can do to it: role, disable, reset link, sign out. */
export function AccountRow({ user, isSelf, onChanged }: AccountRowProps) {
  const action = useSubmit();
  const [note, setNote] = useState('');
  const [link, setLink] = useState<string | null>(null);

  const run = async (work: () => Promise<string>) => {
    setNote('');
    const done = await action.run(work);
    if (done !== undefined) {
      setNote(done);
      await onChanged();
    }
  };
  const changeRole = (role: UserRole) =>
    run(async () => {
      await settingsApi.updateUser(user.id, { role });
      return `${user.name} is now ${roleShortLabels[role].toLowerCase()}.`;
    });
  const toggleDisabled = () =>
    run(async () => {
      await settingsApi.updateUser(user.id, { disabled: !user.disabled });
      return user.disabled
        ? `${user.name} can sign in again.`
        : `${user.name} can no longer sign in.`;
    });
  const resetLink = () =>
    run(async () => {
      const reset = await settingsApi.issuePasswordReset(user.id);
      setLink(`${window.location.origin}${reset.data.resetPath}`);
      return `Reset link valid until ${formatInstant(reset.data.expiresAt)}.`;
    });
  const signOut = () =>
    run(async () => {
      const ended = await settingsApi.signOutEverywhere(user.id);
      return `${plural(ended.data.sessionsEnded, 'session')} ended.`;
    });

  return (
    <tr>
      <th scope="row">{user.name}</th>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={action.pending}
          onChange={(e) => void changeRole(e.target.value as UserRole)}
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleShortLabels[role]}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      <td className="wrap-cell">
        <div className="account-actions">
          {!isSelf && (
            <button
              type="button"
              className="secondary"
              onClick={() => void toggleDisabled()}
              disabled={action.pending}
            >
              {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => void resetLink()}
            disabled={action.pending}
          >
            Reset link for {user.name}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void signOut()}
            disabled={action.pending}
          >
            Sign {user.name} out everywhere
          </button>
        </div>
        <p role="status">{note}</p>
        {link && (
          <SecretOnce
            label={`Reset link for ${user.name}`}
            value={link}
            note="hand it over; it works once"
          />
        )}
        <ProblemAlert problem={action.problem} onReload={() => void onChanged()} />
      </td>
    </tr>
  );
}
