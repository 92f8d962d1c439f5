import { useCallback } from 'react';
import { usersApi } from '../../api/users-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';

interface MemberPickerProps {
  selected: string[];
  onChange: (ids: string[]) => void;
  /** Ticked and locked: the person who may not leave themselves outside (the caller). */
  keptId?: string;
}

/** Ticks the people who may see a restricted record, from the account directory. */
export function MemberPicker({ selected, onChange, keptId }: MemberPickerProps) {
  const load = useCallback(() => usersApi.list(), []);
  const users = useResource(load);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((other) => other !== id));

  return (
    <fieldset>
      <legend>Members (they may see it while it is restricted)</legend>
      {!users.data ? (
        <LoadState problem={users.problem} onRetry={users.reload} />
      ) : (
        <ul className="plain-list">
          {users.data.data
            .filter((user) => !user.disabled)
            .map((user) => (
              <li key={user.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={user.id === keptId || selected.includes(user.id)}
                    disabled={user.id === keptId}
                    onChange={(e) => toggle(user.id, e.target.checked)}
                  />
                  <span>
                    {user.name} <span className="muted">({user.email})</span>
                    {user.id === keptId && <span className="muted"> — you stay a member</span>}
                  </span>
                </label>
              </li>
            ))}
        </ul>
      )}
    </fieldset>
  );
}
