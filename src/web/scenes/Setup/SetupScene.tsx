import { authApi, type Session } from '../../api/auth-api.ts';
import { AccountForm } from '../../features/session/AccountForm.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** First run: creates the first admin account and signs it in. */
export function SetupScene({ onDone }: { onDone: (session: Session) => void }) {
  useDocumentTitle('Set up');
  return (
    <section className="narrow">
      <h1>Create the first admin account</h1>
      <p>
        This Debrief workspace is empty. The account you create now administers it: it can add other
        people later.
      </p>
      <AccountForm
        purpose="create"
        submitLabel="Create admin account"
        pendingLabel="Creating…"
        send={(values) => authApi.setup(values)}
        onDone={onDone}
      />
    </section>
  );
}
