import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { redeemPasswordReset } from '../../api/password-reset-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Link } from '../../routing/Link.tsx';

/**
 * `/reset-password#<secret>`: the page of an invitation or reset link, where a person chooses
 * their password. The secret stays in the fragment, which no server log or Referer sees.
 */
export function ResetPasswordScene() {
  useDocumentTitle('Choose your password');
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit.run(() => redeemPasswordReset({ token, password }))) {
      window.history.replaceState(null, '', '/reset-password');
      setDone(true);
    }
  };

  return (
    <div className="narrow">
      <h1>Choose your password</h1>
      {done ? (
        <p role="status">
          Your password is set. <Link to="/">Sign in</Link>.
        </p>
      ) : !token ? (
        <p>This link is incomplete: ask an admin for a new one.</p>
      ) : (
        <form className="form card" onSubmit={handleSubmit} aria-label="Choose your password">
          <Field label="New password" required hint={`At least ${limits.passwordMin} characters.`}>
            <input
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={limits.passwordMin}
              maxLength={limits.passwordMax}
            />
          </Field>
          <ProblemAlert problem={submit.problem} fieldLabels={{ password: 'New password' }} />
          <div className="actions">
            <button type="submit" disabled={submit.pending}>
              Set password
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
