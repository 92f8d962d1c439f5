import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type IncidentKind, incidentKinds, severities } from '../../../domain/incident.ts';
import { type Incident, incidentsApi } from '../../api/incidents-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { type IncidentFormValues, incidentFormToBody } from './incident-form-to-body.ts';
import { incidentLabels } from './labels.ts';

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
      <Field label="Title" required>
        <input
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          required
          maxLength={limits.titleMax}
        />
      </Field>
      <Field label="Summary">
        <textarea
          value={values.summary}
          onChange={(e) => set('summary', e.target.value)}
          rows={3}
          maxLength={limits.longTextMax}
        />
      </Field>
      <div className="row">
        <Field label="Kind" required>
          <select value={values.kind} onChange={(e) => changeKind(e.target.value as IncidentKind)}>
            {incidentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {incidentLabels.kind[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Severity" required>
          <select
            value={values.severity}
            onChange={(e) => set('severity', e.target.value as IncidentFormValues['severity'])}
          >
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {incidentLabels.severity[severity]}
              </option>
            ))}
          </select>
        </Field>
        {values.kind === 'near_miss' && (
          <Field label="Potential severity" required hint="How bad it could have been.">
            <select
              value={values.potentialSeverity}
              onChange={(e) =>
                set('potentialSeverity', e.target.value as IncidentFormValues['potentialSeverity'])
              }
            >
              {severities.map((severity) => (
                <option key={severity} value={severity}>
                  {incidentLabels.severity[severity]}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field label="Services" hint="Comma-separated, e.g. checkout, payments-api">
        <input value={values.services} onChange={(e) => set('services', e.target.value)} />
      </Field>
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
