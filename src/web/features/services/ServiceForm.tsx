import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import type { Service } from '../../api/services-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

/** What the form sends: a name, a description and the names it depends on. */
export interface ServiceValues {
  name: string;
  description: string;
  dependsOn: string[];
}

interface ServiceFormProps {
  /** The service being edited; its name is then fixed. */
  initial?: Service;
  /** Every catalogue name, offered as dependencies. */
  names: string[];
  submitLabel: string;
  onSubmit: (values: ServiceValues) => Promise<unknown>;
  onCancel?: () => void;
  onReload?: () => void;
}

/** Adds a service or edits its description and dependencies. */
export function ServiceForm({
  initial,
  names,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: ServiceFormProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [dependsOn, setDependsOn] = useState<string[]>(initial?.dependsOn ?? []);
  const submit = useSubmit();
  const candidates = names.filter((candidate) => candidate !== (initial?.name ?? name.trim()));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(async () => {
      await onSubmit({ name: name.trim(), description, dependsOn });
      return true;
    });
    if (done && !initial) {
      setName('');
      setDescription('');
      setDependsOn([]);
    }
  };

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      aria-label={initial ? `Edit ${initial.name}` : 'Add service'}
    >
      {!initial && (
        <Field label="Name" required>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={limits.serviceNameMax}
          />
        </Field>
      )}
      <Field label="Description">
        <input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={limits.shortTextMax}
        />
      </Field>
      <Field label="Depends on" hint="Hold Ctrl or ⌘ to pick several.">
        <select
          multiple
          value={dependsOn}
          onChange={(e) => setDependsOn([...e.target.selectedOptions].map((o) => o.value))}
          size={Math.min(8, Math.max(3, candidates.length))}
        >
          {candidates.map((candidate) => (
            <option key={candidate} value={candidate}>
              {candidate}
            </option>
          ))}
        </select>
      </Field>
      <ProblemAlert problem={submit.problem} onReload={onReload} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
