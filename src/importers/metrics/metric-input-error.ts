import { DomainError, type ValidationIssue } from '../../domain/errors.ts';

/** VALIDATION_FAILED for a metrics file, every issue listed with its field or line. */
export function metricInputError(
  fileName: string,
  message: string,
  errors: ValidationIssue[],
): DomainError {
  return new DomainError('VALIDATION_FAILED', `${fileName}: ${message}`, { details: { errors } });
}
