import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import type { Session } from '../../api/auth-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

/** What the form asks; `name` stays empty when signing in. */
export interface AccountFormValues {
  name: string;
  email: string;
  password: string;
}

interface AccountFormProps {
  /** `sign-in` asks an email and the current password; `create` a name, an email and a new password. */
  purpose: 'sign-in' | 'create';
  submitLabel: string;
  pendingLabel: string;
  /** Sends the values and answers the session they open. */
  send: (values: AccountFormValues) => Promise<Session>;
  onDone: (session: Session) => void;
}

/** The email-and-password form of signing in and of creating the first admin account. */
export function AccountForm({
  purpose,
  submitLabel,
  pendingLabel,
  send,
  onDone,
}: AccountFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const creating = purpose === 'create';

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await submit.run(() => send({ name, email, password }));
    if (session) {
      onDone(session);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit}>
      {creating && (
        <Field label="Name" required>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            required
            maxLength={limits.nameMax}
          />
        </Field>
      )}
      <Field label="Email" required>
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          required
          maxLength={limits.emailMax}
        />
      </Field>
      <Field
        label="Password"
        required
        hint={creating ? `At least ${limits.passwordMin} characters.` : undefined}
      >
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete={creating ? 'new-password' : 'current-password'}
          required
          minLength={creating ? limits.passwordMin : undefined}
          maxLength={limits.passwordMax}
        />
      </Field>
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ name: 'Name', email: 'Email', password: 'Password' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submit.pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
