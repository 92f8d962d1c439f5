import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { authApi, type Session } from '../../api/auth-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSubmit } from '../../lib/use-submit.ts';

const fieldLabels = { email: 'Email', name: 'Name', password: 'Password' };

/** First run: creates the first admin account and signs it in. */
export function SetupScene({ onDone }: { onDone: (session: Session) => void }) {
  useDocumentTitle('Set up');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await submit.run(() => authApi.setup({ email, name, password }));
    if (session) {
      onDone(session);
    }
  };

  return (
    <section className="narrow">
      <h1>Create the first admin account</h1>
      <p>
        This Debrief workspace is empty. The account you create now administers it: it can add other
        people later.
      </p>
      <form className="form card" onSubmit={handleSubmit}>
        <Field label="Name" required>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            required
            maxLength={limits.nameMax}
          />
        </Field>
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
        <Field label="Password" required hint={`At least ${limits.passwordMin} characters.`}>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
            minLength={limits.passwordMin}
            maxLength={limits.passwordMax}
          />
        </Field>
        <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
        <div className="actions">
          <button type="submit" disabled={submit.pending}>
            {submit.pending ? 'Creating…' : 'Create admin account'}
          </button>
        </div>
      </form>
    </section>
  );
}
