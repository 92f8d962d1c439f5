import type { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { ImportInput } from '../source-converter.ts';

/** The text of a `text` input; any other input kind is refused, naming the file. */
export function requireText(input: ImportInput): { fileName: string; text: string } {
  if (input.kind !== 'text') {
    throw new DomainError('VALIDATION_FAILED', `${input.fileName}: expected one JSON document`, {
      details: {
        errors: [
          {
            path: input.fileName,
            code: 'unsupported_input',
            message: 'not a single JSON document',
          },
        ],
      },
    });
  }
  return { fileName: input.fileName, text: input.text };
}

/**
 * Parses a webhook body and checks it against its schema. Throws VALIDATION_FAILED naming the
 * file and, for a wrong shape, every field at fault.
 */
export function parsePayloadText<T>(text: string, fileName: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `${fileName}: not valid JSON`, {
      details: {
        file: fileName,
        errors: [
          {
            path: fileName,
            code: 'invalid_json',
            message: error instanceof Error ? error.message : 'invalid JSON',
          },
        ],
      },
    });
  }
  return checkPayload(data, fileName, schema);
}

/** Checks already parsed data against a schema; VALIDATION_FAILED lists each field at fault. */
export function checkPayload<T>(data: unknown, fileName: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      path: `/${issue.path.map(String).join('/')}`,
      code: issue.code,
      message: issue.message,
    }));
    const first = errors[0]?.path ?? '/';
    throw new DomainError('VALIDATION_FAILED', `${fileName}: unexpected shape at ${first}`, {
      details: { file: fileName, errors },
    });
  }
  return result.data;
}

/** A VALIDATION_FAILED naming one field. */
export function fieldError(
  fileName: string,
  path: string,
  code: string,
  message: string,
): DomainError {
  return new DomainError('VALIDATION_FAILED', `${fileName}: ${path}: ${message}`, {
    details: { file: fileName, errors: [{ path, code, message }] },
  });
}
