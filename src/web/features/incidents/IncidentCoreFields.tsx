import { limits } from '../../../contracts/limits.ts';
import {
  type IncidentKind,
  incidentKinds,
  type Severity,
  severities,
} from '../../../domain/incident.ts';
import { Field } from '../../components/Field.tsx';
import { incidentLabels } from './labels.ts';

/** The fields the new-incident and edit forms share. */
export interface IncidentCoreValues {
  title: string;
  summary: string;
  kind: IncidentKind;
  severity: Severity;
  potentialSeverity: Severity;
  services: string;
}

interface IncidentCoreFieldsProps {
  values: IncidentCoreValues;
  onChange: (change: Partial<IncidentCoreValues>) => void;
}

function SeveritySelect(props: { value: Severity; onChange: (severity: Severity) => void }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value as Severity)}>
      {severities.map((severity) => (
        <option key={severity} value={severity}>
          {incidentLabels.severity[severity]}
        </option>
      ))}
    </select>
  );
}

/** Title, summary, kind, severity (and potential severity for a near miss), services. */
export function IncidentCoreFields({ values, onChange }: IncidentCoreFieldsProps) {
  return (
    <>
      <Field label="Title" required>
        <input
          value={values.title}
          onChange={(e) => onChange({ title: e.target.value })}
          required
          maxLength={limits.titleMax}
        />
      </Field>
      <Field label="Summary">
        <textarea
          value={values.summary}
          onChange={(e) => onChange({ summary: e.target.value })}
          rows={3}
          maxLength={limits.longTextMax}
        />
      </Field>
      <div className="row">
        <Field label="Kind" required>
          <select
            value={values.kind}
            onChange={(e) => onChange({ kind: e.target.value as IncidentKind })}
          >
            {incidentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {incidentLabels.kind[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Severity" required>
          <SeveritySelect value={values.severity} onChange={(severity) => onChange({ severity })} />
        </Field>
        {values.kind === 'near_miss' && (
          <Field label="Potential severity" required hint="How bad it could have been.">
            <SeveritySelect
              value={values.potentialSeverity}
              onChange={(potentialSeverity) => onChange({ potentialSeverity })}
            />
          </Field>
        )}
      </div>
      <Field label="Services" hint="Comma-separated, e.g. checkout, payments-api">
        <input value={values.services} onChange={(e) => onChange({ services: e.target.value })} />
      </Field>
    </>
  );
}
