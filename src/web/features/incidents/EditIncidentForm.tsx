import { type FormEvent, useMemo, useState } from 'react';
import { type Incident, incidentsApi } from '../../api/incidents-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import {
  type EditIncidentValues,
  incidentToValues,
  valuesToUpdate,
} from './edit-incident-values.ts';
import { IncidentCoreFields } from './IncidentCoreFields.tsx';
import { KeyInstantsFieldset } from './KeyInstantsFieldset.tsx';
import { incidentLabels } from './labels.ts';
import { MemberPicker } from './MemberPicker.tsx';

const fieldLabels: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  severity: 'Severity',
  potentialSeverity: 'Potential severity',
  services: 'Services',
  memberIds: 'Members',
  ...Object.fromEntries(
    Object.entries(incidentLabels.instant).flatMap(([name, label]) => [
      [`instants.${name}`, `${label} at`],
      [`instants.${name}.at`, `${label} at`],
      [`instants.${name}.source`, `${label}: source`],
    ]),
  ),
};

interface EditIncidentFormProps {
  incident: Incident;
  onSaved: (incident: Incident) => void;
  onReload: () => void;
}

/** Edits every field of an incident, key instants with their provenance included. */
export function EditIncidentForm({ incident, onSaved, onReload }: EditIncidentFormProps) {
  const initial = useMemo(() => incidentToValues(incident), [incident]);
  const [values, setValues] = useState<EditIncidentValues>(initial);
  const submit = useSubmit();
  const change = (next: Partial<EditIncidentValues>) =>
    setValues((current) => ({ ...current, ...next }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(() =>
      incidentsApi.update(incident.id, incident.version, valuesToUpdate(initial, values)),
    );
    if (saved) {
      onSaved(saved.data);
    }
  };

  return (
    <form className="form card" onSubmit={handleSubmit} aria-label="Edit incident">
      <IncidentCoreFields values={values} onChange={change} />
      <KeyInstantsFieldset
        instants={values.instants}
        onChange={(name, instant) =>
          setValues((current) => ({
            ...current,
            instants: { ...current.instants, [name]: instant },
          }))
        }
      />
      <Checkbox
        label="This was a drill"
        checked={values.isDrill}
        onChange={(isDrill) => change({ isDrill })}
      />
      <Checkbox
        label="Restricted (only members and admins can see it)"
        checked={values.restricted}
        onChange={(restricted) => change({ restricted })}
      />
      {values.restricted && (
        <MemberPicker selected={values.memberIds} onChange={(memberIds) => change({ memberIds })} />
      )}
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} onReload={onReload} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submit.pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
