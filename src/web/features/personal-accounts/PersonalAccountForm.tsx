import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { personalAccountsApi } from '../../api/personal-accounts-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

interface PersonalAccountFormProps {
  postmortemId: string;
  onSubmitted: (findings: Array<{ message: string; excerpt: string }> | null) => void;
}

/** Writes one's own account of the incident, optionally anonymously. */
export function PersonalAccountForm({ postmortemId, onSubmitted }: PersonalAccountFormProps) {
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [lintRequested, setLintRequested] = useState(false);
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit.run(() =>
      personalAccountsApi.submit(postmortemId, { body, anonymous, lintRequested }),
    );
    if (result) {
      setBody('');
      setAnonymous(false);
      onSubmitted(result.findings);
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} aria-labelledby="account-form-heading">
      <h3 id="account-form-heading">Write your account</h3>
      <Field
        label="What you saw, did and thought, in your own words"
        required
        hint="Times help: write them as you remember them; you can pin key moments to the timeline afterwards."
      >
        <textarea
          rows={8}
          value={body}
          maxLength={limits.longTextMax}
          required
          onChange={(event) => setBody(event.target.value)}
        />
      </Field>
      <Checkbox label="Submit anonymously" checked={anonymous} onChange={setAnonymous} />
      <p className="hint" id="anonymous-explained">
        Debrief will not store who wrote this — not even for admins; you cannot edit it afterwards.
        Your words may still identify you, so leave out what you would not want recognised.
      </p>
      <Checkbox
        label="Check my wording with the blameless linter"
        checked={lintRequested}
        onChange={setLintRequested}
      />
      <p className="hint">Accounts are not checked unless you ask: they are your own story.</p>
      <ProblemAlert problem={submit.problem} fieldLabels={{ body: 'Account' }} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {anonymous ? 'Submit anonymously' : 'Submit account'}
        </button>
      </div>
    </form>
  );
}
