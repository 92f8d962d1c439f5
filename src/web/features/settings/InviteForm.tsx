import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type UserRole, userRoles } from '../../../domain/user.ts';
import { settingsApi } from '../../api/settings-api.ts';
import type { User } from '../../api/users-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { roleLabels } from './role-labels.ts';

const empty = { name: '', email: '', role: 'member' as UserRole };

/** A password nobody knows: the person sets their own through the one-time link. */
function unusablePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Invites a person: an account with their name, email and role, and a one-time link (valid
 * for a day) with which they choose their own password.
 */
export function InviteForm({ onInvited }: { onInvited: (user: User, link: string) => void }) {
  const [values, setValues] = useState(empty);
  const submit = useSubmit();
  const set = (change: Partial<typeof empty>) =>
    setValues((current) => ({ ...current, ...change }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invited = await submit.run(async () => {
      const created = await settingsApi.createUser({ ...values, password: unusablePassword() });
      const reset = await settingsApi.issuePasswordReset(created.data.id);
      return { user: created.data, link: `${window.location.origin}${reset.data.resetPath}` };
    });
    if (invited) {
      setValues(empty);
      onInvited(invited.user, invited.link);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit} aria-label="Invite someone">
      <div className="row">
        <Field label="Name" required>
          <input
            value={values.name}
            onChange={(e) => set({ name: e.target.value })}
            required
            maxLength={limits.nameMax}
          />
        </Field>
        <Field label="Email" required>
          <input
            type="email"
            value={values.email}
            onChange={(e) => set({ email: e.target.value })}
            required
            maxLength={limits.emailMax}
          />
        </Field>
        <Field label="Role" required>
          <select value={values.role} onChange={(e) => set({ role: e.target.value as UserRole })}>
            {userRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ name: 'Name', email: 'Email', role: 'Role' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Invite
        </button>
      </div>
    </form>
  );
}
