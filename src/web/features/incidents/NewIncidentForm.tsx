import { type FormEvent, useState } from 'react';
import type { IncidentKind } from '../../../domain/incident.ts';
import { type Incident, incidentsApi } from '../../api/incidents-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { IncidentCoreFields } from './IncidentCoreFields.tsx';
import { type IncidentFormValues, incidentFormToBody } from './incident-form-to-body.ts';

const fieldLabels: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  severity: 'Severity',
  potentialSeverity: 'Potential severity',
  services: 'Services',
  'instants.started_at': 'Started at',
  'instants.detected_at': 'Detected at',
  'instants.resolved_at': 'Resolved at',
  'instants.started_at.at': 'Started at',
  'instants.detected_at.at': 'Detected at',
  'instants.resolved_at.at': 'Resolved at',
};

const initialValues: IncidentFormValues = {
  title: '',
  summary: '',
  kind: 'outage',
  severity: 'sev3',
  potentialSeverity: 'sev2',
  services: '',
  startedAt: '',
  detectedAt: '',
  resolvedAt: '',
  isDrill: false,
  restricted: false,
};

/** Records a new incident. Security incidents start restricted unless the writer unticks it. */
export function NewIncidentForm({ onCreated }: { onCreated: (incident: Incident) => void }) {
  const [values, setValues] = useState(initialValues);
  const [restrictedTouched, setRestrictedTouched] = useState(false);
  const submit = useSubmit();
  const set = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const changeKind = (kind: IncidentKind) =>
    setValues((current) => ({
      ...current,
      kind,
      restricted: restrictedTouched ? current.restricted : kind === 'security',
    }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() => incidentsApi.create(incidentFormToBody(values)));
    if (created) {
      onCreated(created.data);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit} aria-label="New incident">
      <IncidentCoreFields
        values={values}
        onChange={(change) =>
          change.kind
            ? changeKind(change.kind)
            : setValues((current) => ({ ...current, ...change }))
        }
      />
      <fieldset>
        <legend>Key times (your local time, stored as UTC)</legend>
        <div className="row">
          <Field label="Started at">
            <input
              type="datetime-local"
              value={values.startedAt}
              onChange={(e) => set('startedAt', e.target.value)}
            />
          </Field>
          <Field label="Detected at">
            <input
              type="datetime-local"
              value={values.detectedAt}
              onChange={(e) => set('detectedAt', e.target.value)}
            />
          </Field>
          <Field label="Resolved at">
            <input
              type="datetime-local"
              value={values.resolvedAt}
              onChange={(e) => set('resolvedAt', e.target.value)}
            />
          </Field>
        </div>
      </fieldset>
      <Checkbox
        label="This was a drill"
        checked={values.isDrill}
        onChange={(v) => set('isDrill', v)}
      />
      <Checkbox
        label="Restricted (only members and admins can see it)"
        checked={values.restricted}
        onChange={(v) => {
          setRestrictedTouched(true);
          set('restricted', v);
        }}
      />
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submit.pending ? 'Creating…' : 'Create incident'}
        </button>
      </div>
    </form>
  );
}
