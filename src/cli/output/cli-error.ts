import { ZodError } from 'zod';
import { PolicyFileError } from '../../app/load-policy-file.ts';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import { loggableError } from '../../storage/loggable-error.ts';
import { translateStorageError } from '../../storage/translate-storage-error.ts';
import { describeIssueMessage } from './date-hint.ts';
import { terminalSafe } from './terminal-safe.ts';

/** A command-line usage problem (bad flag value); exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A database constraint error as the domain error the HTTP API would answer (a unique value
 * taken → ALREADY_EXISTS, …), so the CLI says the same and exits with the same meaning instead
 * of printing the driver's text.
 */
function known(error: unknown): unknown {
  return error instanceof DomainError ? error : (translateStorageError(error) ?? error);
}

/** Exit codes: usage 2, not found 3, conflict 4, anything else 1. */
export function exitCodeFor(thrown: unknown): number {
  const error = known(thrown);
  if (
    error instanceof UsageError ||
    error instanceof ZodError ||
    error instanceof PolicyFileError
  ) {
    return 2;
  }
  if (error instanceof DomainError) {
    const byCode: Partial<Record<ErrorCode, number>> = {
      VALIDATION_FAILED: 2,
      MALFORMED_REQUEST: 2,
      NOT_FOUND: 3,
      ALREADY_EXISTS: 4,
      SETUP_ALREADY_DONE: 4,
      TRANSITION_REFUSED: 4,
      TRANSITION_NOT_ALLOWED: 4,
      POSTMORTEM_CLOSED: 4,
      VERSION_MISMATCH: 4,
      INVARIANT_VIOLATED: 4,
    };
    return byCode[error.code] ?? 1;
  }
  return 1;
}

/**
 * Human-readable lines for an error, every validation issue and unmet condition included; safe
 * for a terminal, since messages can quote stored or given text.
 */
export function describeError(error: unknown): string[] {
  return errorLines(known(error)).map(terminalSafe);
}

function errorLines(error: unknown): string[] {
  if (error instanceof ZodError) {
    return [
      'Invalid input:',
      ...error.issues.map(
        (issue) => `  - ${issue.path.join('.') || '(input)'}: ${describeIssueMessage(issue)}`,
      ),
    ];
  }
  if (error instanceof DomainError) {
    const lines = [`${error.code}: ${error.message}`];
    const details = error.details ?? {};
    for (const issue of (details.errors as Array<{ path: string; message: string }> | undefined) ??
      []) {
      lines.push(`  - ${issue.path}: ${issue.message}`);
    }
    for (const unmet of (details.unmet as Array<{ code: string; message: string }> | undefined) ??
      []) {
      lines.push(`  - ${unmet.code}: ${unmet.message}`);
    }
    return lines;
  }
  // A failed query's message lists its parameters (hashes among them): never print those.
  return [error instanceof Error ? loggableError(error).message : String(error)];
}

/** The error as JSON for `--json` callers. */
export function errorAsJson(thrown: unknown): Record<string, unknown> {
  const error = known(thrown);
  if (error instanceof ZodError) {
    return {
      code: 'VALIDATION_FAILED',
      errors: error.issues.map((i) => ({
        path: i.path.join('.'),
        code: i.code,
        message: describeIssueMessage(i),
      })),
    };
  }
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  return {
    code: error instanceof UsageError ? 'USAGE' : 'ERROR',
    message: error instanceof Error ? loggableError(error).message : String(error),
  };
}
