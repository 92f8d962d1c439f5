import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import {
  actionItemKinds,
  actionItemPriorities,
  actionItemStatuses,
} from '../../../domain/action-item.ts';
import type { Cause } from '../../api/action-items-api.ts';
import type { ActionItem } from '../../api/parts-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { type ActionItemFormValues, actionItemToValues } from './action-item-values.ts';
import { CausePicker } from './CausePicker.tsx';
import { postmortemLabels } from './labels.ts';

interface ActionItemFormProps {
  causes: Cause[];
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
  team: 'Team',
  services: 'Services',
};

/** Adds or edits a specific, measurable, owned fix. */
export function ActionItemForm({
  causes,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: ActionItemFormProps) {
  const [values, setValues] = useState(() => actionItemToValues(initial));
  const submit = useSubmit();
  const set = <K extends keyof ActionItemFormValues>(key: K, value: ActionItemFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

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
        <Field label="Priority">
          <select
            value={values.priority}
            onChange={(e) => set('priority', e.target.value as ActionItemFormValues['priority'])}
          >
            {actionItemPriorities.map((priority) => (
              <option key={priority} value={priority}>
                {postmortemLabels.actionItemPriority[priority]}
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
        <Field label="Team">
          <input
            value={values.team}
            onChange={(e) => set('team', e.target.value)}
            maxLength={limits.nameMax}
          />
        </Field>
        <Field label="Due date" hint={initial ? undefined : 'Blank: the policy default.'}>
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
            {actionItemStatuses
              .filter((status) => status !== 'verified' || values.status === 'verified')
              .map((status) => (
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
      {values.status === 'verified' && (
        <Field label="Verification evidence" required>
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
      <Field label="Services" hint="The services the fix changes, separated by commas.">
        <input value={values.services} onChange={(e) => set('services', e.target.value)} />
      </Field>
      {causes.length > 0 && (
        <CausePicker
          causes={causes}
          picked={values.causeIds}
          onChange={(picked) => set('causeIds', picked)}
        />
      )}
      {!initial && (
        <Checkbox
          label="Only an idea for now (promote it later)"
          checked={values.isIdea}
          onChange={(isIdea) => set('isIdea', isIdea)}
        />
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
