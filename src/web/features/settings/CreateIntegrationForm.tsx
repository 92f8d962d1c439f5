import { type FormEvent, useState } from 'react';
import { type IntegrationKind, integrationKinds } from '../../../contracts/integrations.ts';
import { limits } from '../../../contracts/limits.ts';
import { type CreatedIntegration, settingsApi } from '../../api/settings-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { integrationLabels } from './integration-labels.ts';

/** Senders that sign their deliveries with a shared secret (HMAC over the body). */
const signingKinds: ReadonlySet<IntegrationKind> = new Set(['pagerduty', 'github']);

/** Creates an integration of a kind; a signing secret is asked for only where the sender signs. */
export function CreateIntegrationForm({
  onCreated,
}: {
  onCreated: (created: CreatedIntegration) => void;
}) {
  const [kind, setKind] = useState<IntegrationKind>('alertmanager');
  const [name, setName] = useState('');
  const [signingSecret, setSigningSecret] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const secret = signingKinds.has(kind) && signingSecret ? { signingSecret } : {};
    const created = await submit.run(() =>
      settingsApi.createIntegration({ kind, name, ...secret }),
    );
    if (created) {
      setName('');
      setSigningSecret('');
      onCreated(created.data);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit} aria-label="New integration">
      <div className="row">
        <Field label="Sender" required>
          <select value={kind} onChange={(e) => setKind(e.target.value as IntegrationKind)}>
            {integrationKinds.map((value) => (
              <option key={value} value={value}>
                {integrationLabels[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name" required hint="e.g. Production Alertmanager">
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={limits.nameMax}
          />
        </Field>
        {signingKinds.has(kind) && (
          <Field
            label="Signing secret"
            hint="The secret the sender signs with; at least 8 characters. Optional."
          >
            <input
              type="password"
              autoComplete="off"
              value={signingSecret}
              onChange={(e) => setSigningSecret(e.target.value)}
              maxLength={500}
            />
          </Field>
        )}
      </div>
      <ProblemAlert
        problem={submit.problem}
        fieldLabels={{ kind: 'Sender', name: 'Name', signingSecret: 'Signing secret' }}
      />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Create integration
        </button>
      </div>
    </form>
  );
}
