import { DomainError, isDomainError } from '../../domain/errors.ts';
import type {
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../../importers/source-converter.ts';

/**
 * Reads a converter's chunks. Anything it throws that is not a DomainError is a file it could
 * not read: it becomes VALIDATION_FAILED naming the file, so bad input never looks like a crash.
 */
export async function* readChunks(
  converter: SourceConverter,
  input: ImportInput,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  const iterator = converter.convert(input, options)[Symbol.asyncIterator]();
  while (true) {
    let step: IteratorResult<ImportChunk>;
    try {
      step = await iterator.next();
    } catch (error) {
      if (isDomainError(error)) {
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new DomainError(
        'VALIDATION_FAILED',
        `${input.fileName} could not be read as ${converter.source}: ${message}`,
        {
          cause: error,
          details: {
            errors: [{ path: input.fileName, code: 'unreadable_input', message }],
          },
        },
      );
    }
    if (step.done) {
      return;
    }
    yield step.value;
  }
}
