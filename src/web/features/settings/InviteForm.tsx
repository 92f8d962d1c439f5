import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type UserRole, userRoles } from '../../../domain/user.ts';
import { settingsApi } from '../../api/settings-api.ts';
import type { User } from '../../api/users-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { roleLabels } from './role-labels.ts';

const empty = { name: '', email: '', role: 'member' as UserRole, password: '' };

/** Adds a person: name, email, role and a first password to hand over to them. */
export function InviteForm({ onInvited }: { onInvited: (user: User) => void }) {
  const [values, setValues] = useState(empty);
  const submit = useSubmit();
  const set = (change: Partial<typeof empty>) =>
    setValues((current) => ({ ...current, ...change }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() => settingsApi.createUser(values));
    if (created) {
      setValues(empty);
      onInvited(created.data);
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
        <Field
          label="First password"
          required
          hint={`At least ${limits.passwordMin} characters; hand it over in person or through your password manager.`}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => set({ password: e.target.value })}
            required
            minLength={limits.passwordMin}
            maxLength={limits.passwordMax}
          />
        </Field>
      </div>
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ name: 'Name', email: 'Email', role: 'Role', password: 'First password' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Invite
        </button>
      </div>
    </form>
  );
}
