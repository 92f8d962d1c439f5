import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { actionItemKinds, actionItemStatuses } from '../../../domain/action-item.ts';
import type { ActionItem, Factor } from '../../api/parts-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { type ActionItemFormValues, actionItemToValues } from './action-item-values.ts';
import { postmortemLabels } from './labels.ts';

interface ActionItemFormProps {
  factors: Factor[];
  initial?: ActionItem;
  submitLabel: string;
  onSubmit: (values: ActionItemFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

const fieldLabels: Record<string, string> = {
  title: 'Title',
  ownerName: 'Owner',
  dueDate: 'Due date',
  successCriterion: 'Success criterion',
  wontDoReason: "Won't do reason",
  verificationEvidence: 'Verification evidence',
  trackerUrl: 'Tracker link',
};

/** Adds or edits a specific, measurable, owned fix. */
export function ActionItemForm({
  factors,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: ActionItemFormProps) {
  const [values, setValues] = useState(() => actionItemToValues(initial));
  const submit = useSubmit();
  const set = <K extends keyof ActionItemFormValues>(key: K, value: ActionItemFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const toggleFactor = (id: string, linked: boolean) =>
    set(
      'linkedFactorIds',
      linked ? [...values.linkedFactorIds, id] : values.linkedFactorIds.filter((f) => f !== id),
    );

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(async () => {
      await onSubmit(values);
      return true;
    });
    if (done && !initial) {
      setValues(actionItemToValues());
    }
  };

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      aria-label={initial ? 'Edit action item' : 'Add action item'}
    >
      <Field label="Title" required>
        <input
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          required
          maxLength={limits.titleMax}
        />
      </Field>
      <div className="row">
        <Field label="Kind">
          <select
            value={values.kind}
            onChange={(e) => set('kind', e.target.value as ActionItemFormValues['kind'])}
          >
            {actionItemKinds.map((kind) => (
              <option key={kind} value={kind}>
                {postmortemLabels.actionItemKind[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner">
          <input
            value={values.ownerName}
            onChange={(e) => set('ownerName', e.target.value)}
            maxLength={limits.nameMax}
          />
        </Field>
        <Field label="Due date">
          <input
            type="date"
            value={values.dueDate}
            onChange={(e) => set('dueDate', e.target.value)}
          />
        </Field>
        <Field label="Status">
          <select
            value={values.status}
            onChange={(e) => set('status', e.target.value as ActionItemFormValues['status'])}
          >
            {actionItemStatuses.map((status) => (
              <option key={status} value={status}>
                {postmortemLabels.actionItemStatus[status]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Success criterion"
        hint="How we will know the fix works, e.g. a metric or a test."
      >
        <textarea
          value={values.successCriterion}
          onChange={(e) => set('successCriterion', e.target.value)}
          rows={2}
          maxLength={limits.longTextMax}
        />
      </Field>
      {values.status === 'wont_do' && (
        <Field label="Won't do reason" required>
          <input
            value={values.wontDoReason}
            onChange={(e) => set('wontDoReason', e.target.value)}
            required
            maxLength={limits.shortTextMax}
          />
        </Field>
      )}
      {(values.status === 'done' || values.status === 'verified') && (
        <Field label="Verification evidence" required={values.status === 'verified'}>
          <textarea
            value={values.verificationEvidence}
            onChange={(e) => set('verificationEvidence', e.target.value)}
            rows={2}
            maxLength={limits.longTextMax}
          />
        </Field>
      )}
      <Field label="Tracker link">
        <input
          type="url"
          value={values.trackerUrl}
          onChange={(e) => set('trackerUrl', e.target.value)}
          placeholder="https://"
        />
      </Field>
      {factors.length > 0 && (
        <fieldset>
          <legend>Addresses factors</legend>
          {factors.map((factor) => (
            <Checkbox
              key={factor.id}
              label={`${factor.isRootCause ? '(root cause) ' : ''}${factor.description}`}
              checked={values.linkedFactorIds.includes(factor.id)}
              onChange={(linked) => toggleFactor(factor.id, linked)}
            />
          ))}
        </fieldset>
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
