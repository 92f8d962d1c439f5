import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import type { Factor } from '../../api/parts-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

export interface FactorValues {
  description: string;
  category: string;
  isRootCause: boolean;
  acceptedRiskReason: string | null;
}

interface FactorFormProps {
  taxonomy: PolicyView['factorTaxonomy'];
  initial?: Factor;
  submitLabel: string;
  onSubmit: (values: FactorValues) => Promise<unknown>;
  onCancel?: () => void;
}

const fieldLabels = {
  description: 'Description',
  category: 'Category',
  acceptedRiskReason: 'Accepted risk reason',
};

/** Adds or edits a contributing factor, classified in the policy's taxonomy. */
export function FactorForm({
  taxonomy,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: FactorFormProps) {
  const [description, setDescription] = useState(initial?.description ?? '');
  const [category, setCategory] = useState(initial?.category ?? taxonomy[0]?.key ?? '');
  const [isRootCause, setIsRootCause] = useState(initial?.isRootCause ?? false);
  const [reason, setReason] = useState(initial?.acceptedRiskReason ?? '');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(async () => {
      await onSubmit({
        description,
        category,
        isRootCause,
        acceptedRiskReason: isRootCause && reason.trim() ? reason.trim() : null,
      });
      return true;
    });
    if (done && !initial) {
      setDescription('');
      setIsRootCause(false);
      setReason('');
    }
  };

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      aria-label={initial ? 'Edit factor' : 'Add factor'}
    >
      <Field
        label="Description"
        required
        hint="A condition of the system or its context, not a person."
      >
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          required
          maxLength={limits.longTextMax}
        />
      </Field>
      <div className="row">
        <Field label="Category" required>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            {taxonomy.map((item) => (
              <option key={item.key} value={item.key}>
                {item.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Checkbox label="Root cause" checked={isRootCause} onChange={setIsRootCause} />
      {isRootCause && (
        <Field
          label="Accepted risk reason"
          hint="Only when no action item will address this root cause: why the risk is accepted."
        >
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={limits.shortTextMax}
          />
        </Field>
      )}
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
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
