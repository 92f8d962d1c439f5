import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';

/** An upload streamed to a temporary folder, with the form's text fields. */
export interface ReceivedUpload {
  dir: string;
  /** The one file, or the folder holding the several files sent. */
  path: string;
  fileName: string;
  fields: Record<string, string>;
}

/**
 * Uploads live in `<tmp>/debrief-import-<pid>-<random>`: the process id lets the next start
 * tell the folders of a server that died (`kill -9`, out of memory) from those of one still
 * running (`removeOrphanedUploads`).
 */
export const uploadDirPrefix = 'debrief-import-';

/** Most files one upload may hold (a folder picked in the browser). */
export const uploadFilesMax = 5000;

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

function invalid(path: string, code: string, message: string, summary: string): DomainError {
  return new DomainError('VALIDATION_FAILED', summary, {
    details: { errors: [{ path, code, message }] },
  });
}

/**
 * The relative path a browser sent for a file of a picked folder (`logs/app.jsonl`), made safe:
 * `/`-separated, no `..`, no absolute or hidden parts. Undefined when nothing usable is left.
 */
export function safeRelativePath(name: string): string | undefined {
  const parts = name
    .replaceAll('\\', '/')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.'))
    .map((part) => part.replaceAll('\0', '').slice(0, 255));
  return parts.length > 0 ? parts.join('/') : undefined;
}

/**
 * Streams the multipart `file` fields to a temporary folder (never into memory) and collects
 * the text fields. One file is imported as that file; several (a folder picked in the browser,
 * each named by its relative path) are laid out as a folder and imported as one, file by file.
 * Together the files may hold `maxTotalBytes`. The caller removes `dir` when the import has
 * ended.
 */
export async function receiveUpload(
  request: FastifyRequest,
  maxTotalBytes: number,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new DomainError('MALFORMED_REQUEST', 'Send the file as multipart/form-data.');
  }
  const dir = await mkdtemp(join(tmpdir(), `${uploadDirPrefix}${process.pid}-`));
  const fields: Record<string, string> = {};
  const names: string[] = [];
  const folder = join(dir, 'upload');
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid(
          `body.${part.fieldname}`,
          'unexpected_file',
          'Only `file`.',
          'Send the files in the field `file`.',
        );
      }
      const name = safeRelativePath(part.filename || 'upload') ?? `file-${names.length + 1}`;
      if (names.includes(name)) {
        part.file.resume();
        throw invalid('body.file', 'duplicate_file', name, `${name} was sent twice.`);
      }
      const target = join(folder, name);
      await mkdir(dirname(target), { recursive: true });
      part.file.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxTotalBytes) {
          part.file.destroy(new DomainError('PAYLOAD_TOO_LARGE', 'The upload is too large.'));
        }
      });
      await pipeline(part.file, createWriteStream(target));
      if (part.file.truncated) {
        throw new DomainError('PAYLOAD_TOO_LARGE', 'The upload is too large.');
      }
      names.push(name);
    }
    const [only] = names;
    if (only === undefined) {
      throw invalid('body.file', 'required', 'Attach the file to import.', 'The form has no file.');
    }
    if (names.length === 1) {
      return { dir, path: join(folder, only), fileName: basename(only), fields };
    }
    // A picked folder arrives as `<folder>/<path>`: import the folder itself, named after it.
    const roots = new Set(names.map((name) => (name.includes('/') ? name.split('/')[0] : '')));
    const [root] = roots;
    if (roots.size === 1 && root) {
      return { dir, path: join(folder, root), fileName: root, fields };
    }
    return { dir, path: folder, fileName: `${names.length} files`, fields };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw multipartError(error);
  }
}
