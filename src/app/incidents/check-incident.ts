import { DomainError, type ValidationIssue } from '../../domain/errors.ts';
import { findInstantOrderViolations, type Incident } from '../../domain/incident.ts';

/** Rules across fields of an incident, reported all at once as INVARIANT_VIOLATED. */
export function checkIncident(incident: Incident): void {
  const errors: ValidationIssue[] = findInstantOrderViolations(incident.instants).map((v) => ({
    path: `instants.${v.later}`,
    code: 'INSTANT_OUT_OF_ORDER',
    message: `${v.later} is before ${v.earlier}.`,
  }));
  if (incident.kind === 'near_miss' && !incident.potentialSeverity) {
    errors.push({
      path: 'potentialSeverity',
      code: 'NEAR_MISS_WITHOUT_POTENTIAL_SEVERITY',
      message: 'A near miss needs its potential severity.',
    });
  }
  if (incident.kind !== 'near_miss' && incident.potentialSeverity) {
    errors.push({
      path: 'potentialSeverity',
      code: 'POTENTIAL_SEVERITY_NOT_NEAR_MISS',
      message: 'Only a near miss has a potential severity.',
    });
  }
  if (errors.length > 0) {
    throw new DomainError('INVARIANT_VIOLATED', 'The incident is not consistent.', {
      details: { errors },
    });
  }
}
