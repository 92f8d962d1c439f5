import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';

/** An upload streamed to a temporary folder, with the form's text fields. */
export interface ReceivedUpload {
  dir: string;
  path: string;
  fileName: string;
  fields: Record<string, string>;
}

function multipartError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_PARTS_LIMIT'
  ) {
    return new DomainError('PAYLOAD_TOO_LARGE', 'The upload is too large.', { cause: error });
  }
  if (code?.startsWith('FST_')) {
    return new DomainError('MALFORMED_REQUEST', 'The upload is not a readable multipart form.', {
      cause: error,
    });
  }
  return error;
}

/**
 * Streams the multipart `file` field to a temporary file (never into memory) and collects the
 * text fields. The caller removes `dir` when the import has ended.
 */
export async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new DomainError('MALFORMED_REQUEST', 'Send the file as multipart/form-data.');
  }
  const dir = await mkdtemp(join(tmpdir(), 'debrief-import-'));
  const fields: Record<string, string> = {};
  let fileName: string | undefined;
  const path = join(dir, 'upload');
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || fileName !== undefined) {
          part.file.resume();
          throw new DomainError(
            'VALIDATION_FAILED',
            'Send exactly one file, in the field `file`.',
            {
              details: {
                errors: [
                  {
                    path: `body.${part.fieldname}`,
                    code: 'unexpected_file',
                    message: 'Only `file`.',
                  },
                ],
              },
            },
          );
        }
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) {
          throw new DomainError('PAYLOAD_TOO_LARGE', 'The upload is too large.');
        }
        fileName = basename(part.filename || 'upload').slice(0, 255) || 'upload';
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    if (fileName === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'The form has no file.', {
        details: {
          errors: [{ path: 'body.file', code: 'required', message: 'Attach the file to import.' }],
        },
      });
    }
    return { dir, path, fileName, fields };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw multipartError(error);
  }
}
