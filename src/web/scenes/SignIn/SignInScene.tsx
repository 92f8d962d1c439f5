import { useEffect, useState } from 'react';
import type { SignInMethodsDto } from '../../../contracts/auth.ts';
import { authApi, type Session } from '../../api/auth-api.ts';
import { AccountForm } from '../../features/session/AccountForm.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * Signs in with email and password, or through the identity provider when the server has one
 * (`GET /auth/methods`); the password form is hidden when local accounts are off.
 */
export function SignInScene({ onDone }: { onDone: (session: Session) => void }) {
  useDocumentTitle('Sign in');
  const [methods, setMethods] = useState<SignInMethodsDto>({ password: true, oidc: null });
  useEffect(() => {
    authApi.getSignInMethods().then(setMethods, () => undefined);
  }, []);

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
        <AccountForm
          purpose="sign-in"
          submitLabel="Sign in"
          pendingLabel="Signing in…"
          send={({ email, password }) => authApi.signIn({ email, password })}
          onDone={onDone}
        />
      )}
    </section>
  );
}
