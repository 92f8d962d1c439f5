import type { Report } from '../build-report.ts';
import {
  type CompiledRedaction,
  type Redaction,
  type RedactionMarks,
  redactText,
} from './redact-text.ts';

/** One redaction with where in the report it happened (`timeline.3.text`, `parts.2.markdown`). */
export interface LocatedRedaction extends Redaction {
  field: string;
}

/**
 * Keys whose values are structure, never prose: references, keys, enumerations, instants. Every
 * other string of the report is redacted, so a text field added to the report later is redacted
 * by default rather than published by default.
 */
const structuralKeys = new Set([
  'ref',
  'parentRef',
  'addresses',
  'key',
  'block',
  'level',
  'templateKey',
  'scope',
  'kind',
  'status',
  'severity',
  'potentialSeverity',
  'mark',
  'category',
  'at',
  'dueDate',
  'priority',
  'precision',
  'role',
  'name',
  'from',
  'to',
]);

/** Fields that name one person: replaced whole by the person's role (or `fallback`). */
const personFields = new Set(['owner', 'actor']);

/**
 * The public version of a report: every person's name replaced by their role, and internal
 * host names, addresses, e-mails, credentials and internal links removed by the rules (see
 * `redactText`), over every text of the model. `personLabel` answers for whole-name fields
 * (an action item's owner, a timeline event's actor). Pure; returns the redacted copy and each
 * redaction with its place, for the preview.
 */
export function redactReport(
  report: Report,
  compiled: CompiledRedaction,
  options: {
    personLabel: (name: string) => string | undefined;
    marks?: RedactionMarks;
  },
): { report: Report; redactions: LocatedRedaction[] } {
  const redactions: LocatedRedaction[] = [];
  const text = (value: string, field: string) => {
    const result = redactText(value, compiled, options.marks);
    redactions.push(...result.redactions.map((r) => ({ ...r, field })));
    return result.text;
  };
  const person = (value: string, field: string) => {
    const label = options.personLabel(value);
    if (label === undefined) {
      return text(value, field);
    }
    redactions.push({ kind: 'person', original: value, replacement: label, field });
    return options.marks ? `${options.marks.open('person')}${label}${options.marks.close}` : label;
  };
  const walk = (value: unknown, path: string, key: string): unknown => {
    if (typeof value === 'string') {
      if (structuralKeys.has(key)) {
        return value;
      }
      return personFields.has(key) ? person(value, path) : text(value, path);
    }
    if (Array.isArray(value)) {
      return value.map((item, index) => walk(item, `${path}.${index}`, key));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k, k)]),
      );
    }
    return value;
  };
  const participants = report.participants.map((p, index) => ({
    role: p.role,
    name: person(p.name, `participants.${index}.name`),
  }));
  const { participants: _people, ...rest } = report;
  const redacted = walk(rest, '', '') as Omit<Report, 'participants'>;
  return { report: { ...redacted, participants, restricted: false }, redactions };
}
