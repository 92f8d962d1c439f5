import { DomainError } from '../domain/errors.ts';

function sqlState(
  error: unknown,
): { code: string; detail?: string; constraint?: string } | undefined {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return current as { code: string; detail?: string; constraint?: string };
    }
  }
  return undefined;
}

/**
 * Turns a database constraint violation into the DomainError it stands for (a reference to a
 * record that does not exist, a duplicate); `undefined` for anything else.
 */
export function translateStorageError(error: unknown): DomainError | undefined {
  const state = sqlState(error);
  switch (state?.code) {
    case '23503':
      return new DomainError(
        'INVARIANT_VIOLATED',
        'The request refers to a record that does not exist.',
        {
          cause: error,
          details: { rule: 'UNKNOWN_REFERENCE', constraint: state.constraint },
        },
      );
    case '23505':
      return new DomainError(
        'ALREADY_EXISTS',
        'A record with the same unique value already exists.',
        {
          cause: error,
          details: { constraint: state.constraint },
        },
      );
    default:
      return undefined;
  }
}
