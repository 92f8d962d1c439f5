import { DomainError, type ValidationIssue } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';

/**
 * The catalogue is shared by every team: admins and members edit it, viewers read it.
 * (Not a `can()` action yet because no record scope is involved.)
 */
export function assertCatalogueWriter(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'member') {
    throw new DomainError('FORBIDDEN', 'Your role does not allow editing the service catalogue.');
  }
}

/** One service as written: its name and the names it depends on. */
export interface CatalogueEntry {
  name: string;
  dependsOn: readonly string[];
}

/**
 * Every problem of a batch of catalogue writes, at once: a name given twice, a service that
 * depends on itself, a dependency that is neither in the batch nor in the catalogue.
 * Unknown dependencies are refused rather than created, so that a typo does not grow the graph.
 */
export function catalogueIssues(
  entries: readonly CatalogueEntry[],
  existing: ReadonlySet<string>,
  pathOf: (index: number) => string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const inBatch = new Set<string>();
  entries.forEach((entry, index) => {
    if (inBatch.has(entry.name)) {
      issues.push({
        path: `${pathOf(index)}.name`,
        code: 'duplicate_service',
        message: `"${entry.name}" appears more than once.`,
      });
    }
    inBatch.add(entry.name);
  });
  entries.forEach((entry, index) => {
    entry.dependsOn.forEach((dependency, position) => {
      const path = `${pathOf(index)}.dependsOn.${position}`;
      if (dependency === entry.name) {
        issues.push({
          path,
          code: 'self_dependency',
          message: 'A service cannot depend on itself.',
        });
      } else if (!inBatch.has(dependency) && !existing.has(dependency)) {
        issues.push({
          path,
          code: 'unknown_service',
          message: `"${dependency}" is not in the catalogue; add it first or in the same import.`,
        });
      }
    });
  });
  return issues;
}

/** Throws VALIDATION_FAILED listing every issue, when there is any. */
export function assertNoIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `The services have ${issues.length} problem(s).`, {
      details: { errors: issues },
    });
  }
}
