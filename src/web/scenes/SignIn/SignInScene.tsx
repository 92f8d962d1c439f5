import { type FormEvent, useEffect, useState } from 'react';
import type { SignInMethodsDto } from '../../../contracts/auth.ts';
import { limits } from '../../../contracts/limits.ts';
import { authApi, type Session } from '../../api/auth-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/**
 * Signs in with email and password, or through the identity provider when the server has one
 * (`GET /auth/methods`); the password form is hidden when local accounts are off.
 */
export function SignInScene({ onDone }: { onDone: (session: Session) => void }) {
  useDocumentTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const [methods, setMethods] = useState<SignInMethodsDto>({ password: true, oidc: null });
  useEffect(() => {
    authApi.getSignInMethods().then(setMethods, () => undefined);
  }, []);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await submit.run(() => authApi.signIn({ email, password }));
    if (session) {
      onDone(session);
    }
  };

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {methods.oidc && (
        <p className="actions">
          <a className="button" href={methods.oidc.startUrl}>
            Sign in with {methods.oidc.name}
          </a>
        </p>
      )}
      {methods.password && (
        <form className="form card" onSubmit={handleSubmit}>
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
          <Field label="Password" required>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
              maxLength={limits.passwordMax}
            />
          </Field>
          <ProblemAlert
            problem={submit.problem}
            fieldLabels={{ email: 'Email', password: 'Password' }}
          />
          <div className="actions">
            <button type="submit" disabled={submit.pending}>
              {submit.pending ? 'Signing in…' : 'Sign in'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
