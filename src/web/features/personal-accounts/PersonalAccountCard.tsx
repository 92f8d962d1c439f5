import { useRef, useState } from 'react';
import { type PersonalAccount, personalAccountsApi } from '../../api/personal-accounts-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Abilities, can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { PinMomentForm } from './PinMomentForm.tsx';

interface PersonalAccountCardProps {
  account: PersonalAccount;
  abilities: Abilities;
  onChanged: () => void;
}

/** One account: its author (or "Anonymous"), its text, and pinning a selected moment from it. */
export function PersonalAccountCard({ account, abilities, onChanged }: PersonalAccountCardProps) {
  const bodyRef = useRef<HTMLQuoteElement>(null);
  const [pinning, setPinning] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(account.body);
  const submit = useSubmit();

  const startPin = () => {
    const selection = window.getSelection();
    const inside =
      selection && bodyRef.current?.contains(selection.anchorNode)
        ? selection.toString().trim()
        : '';
    setPinning(inside);
  };
  const save = async () => {
    if (
      await submit.run(() =>
        personalAccountsApi.update(account.id, account.version, { body: draft }),
      )
    ) {
      setEditing(false);
      onChanged();
    }
  };
  const withdraw = async () => {
    if (window.confirm('Withdraw your account?')) {
      if (await submit.run(() => personalAccountsApi.remove(account.id, account.version))) {
        onChanged();
      }
    }
  };

  return (
    <article className="card" aria-label={`Account by ${account.authorName ?? 'Anonymous'}`}>
      <h4>
        {account.anonymous ? 'Anonymous' : (account.authorName ?? 'A former account')}{' '}
        <span className="muted">— {formatInstant(account.submittedAt)}</span>
      </h4>
      {editing ? (
        <textarea
          rows={8}
          value={draft}
          aria-label="Your account"
          onChange={(e) => setDraft(e.target.value)}
        />
      ) : (
        <blockquote ref={bodyRef} className="account-body">
          {account.body}
        </blockquote>
      )}
      <div className="row-actions">
        {can(abilities, 'pin') && pinning === null && !editing && (
          <button
            type="button"
            className="link"
            onMouseDown={(e) => e.preventDefault()}
            onClick={startPin}
          >
            Pin selected moment to the timeline
          </button>
        )}
        {can(abilities, 'update') && !editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {editing && (
          <>
            <button type="button" onClick={save} disabled={submit.pending}>
              Save
            </button>
            <button type="button" className="link" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </>
        )}
        {can(abilities, 'remove') && !editing && (
          <button type="button" className="link danger" onClick={withdraw}>
            Withdraw
          </button>
        )}
      </div>
      {pinning !== null && (
        <PinMomentForm
          accountId={account.id}
          excerpt={pinning}
          onCancel={() => setPinning(null)}
          onPinned={() => {
            setPinning(null);
            onChanged();
          }}
        />
      )}
      <ProblemAlert problem={submit.problem} />
    </article>
  );
}
